import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type CourseEnrolmentDto,
  type CourseModuleDto,
  type CourseProgressRequest,
  type CourseQuizAttemptDto,
  type CourseQuizStatusDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { NotificationsService } from '../notifications';
import { CourseCompletionService } from './course-completion.service';
import { CourseContentRepository } from './course-content.repository';
import { CourseLearningRepository, type EnrolmentRow, type QuizRow } from './course-learning.repository';
import { CoursesRepository } from './courses.repository';

/**
 * Learners enrol on a course's published version and stay on it until they choose to move; they record where
 * they are and what they finished; quizzes are graded here, from the answer key that never leaves the server.
 */
@Injectable()
export class CourseLearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesRepository,
    private readonly content: CourseContentRepository,
    private readonly learning: CourseLearningRepository,
    private readonly completion: CourseCompletionService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Enrols on the published version; enrolling again changes nothing. */
  async enrol(user: AuthUser, courseId: string): Promise<CourseEnrolmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const [published] = await this.courses.catalogue({ courseId }, null, 1);
      if (!published) throw AppError.notFound('Course');
      await this.learning.enrol(manager, courseId, published.id, [user.id]);
    });
    return this.enrolment(user, courseId);
  }

  async enrolment(user: AuthUser, courseId: string): Promise<CourseEnrolmentDto> {
    const e = await this.learning.enrolment(undefined, courseId, user.id);
    if (!e) throw AppError.notFound('Enrolment');
    const [content, completed, quizzes, certificate] = await Promise.all([
      this.content.load(null, [e.version_id], false),
      this.learning.completedLessons(e.version_id, user.id),
      this.learning.quizStatus(undefined, e.version_id, user.id),
      this.completion.certificate(user.id, courseId),
    ]);
    const modules = (content.get(e.version_id) ?? []) as CourseModuleDto[];
    const statuses = quizzes.map(status);
    const lessonKeys = modules.flatMap((m) => m.lessons.map((l) => l.key));
    return {
      courseId,
      versionId: e.version_id,
      versionNumber: e.version_number,
      newerVersionId: e.published_id && e.published_id !== e.version_id ? e.published_id : null,
      lastLessonKey: e.last_lesson_key,
      completedLessonKeys: completed,
      quizzes: statuses,
      completed: lessonKeys.every((k) => completed.includes(k)) && statuses.every((s) => s.passed),
      certificate,
      modules,
    };
  }

  /** Moves the learner to the course's published version (their progress there starts afresh). */
  async moveToPublished(user: AuthUser, courseId: string): Promise<CourseEnrolmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const e = await this.requireEnrolment(manager, user, courseId);
      if (!e.published_id) throw new AppError(ErrorCode.INVALID_STATE, 'This course has no published version now.');
      await this.learning.moveTo(manager, courseId, user.id, e.published_id);
    });
    return this.enrolment(user, courseId);
  }

  /** Records where the learner is and what they finished; the write that completes the course issues its certificate. */
  async progress(user: AuthUser, courseId: string, body: CourseProgressRequest): Promise<CourseEnrolmentDto> {
    const notified = await this.dataSource.transaction(async (manager) => {
      const e = await this.requireEnrolment(manager, user, courseId);
      if (!(await this.content.lessonKeys(manager, e.version_id)).has(body.lessonKey)) {
        throw AppError.field('lessonKey', 'unknownLesson', { value: body.lessonKey });
      }
      await this.learning.recordProgress(manager, e, user.id, body.lessonKey, body.completed ?? false);
      return body.completed ? this.completion.completeIfDone(manager, e, user.id) : { items: [] };
    });
    await this.notifications.publish(notified);
    return this.enrolment(user, courseId);
  }

  /** Grades an attempt on the server; the answer key stays here, only right/wrong per question goes back. */
  async attempt(user: AuthUser, courseId: string, quizId: string, answers: number[][]): Promise<CourseQuizAttemptDto> {
    const { result, notified } = await this.dataSource.transaction(async (manager) => {
      const e = await this.requireEnrolment(manager, user, courseId);
      const quiz = await this.learning.quizForGrading(manager, quizId);
      if (!quiz || quiz.version_id !== e.version_id) throw AppError.notFound('Quiz');
      const before = await this.statusOf(manager, e, quizId, user.id);
      if (before.attemptsLeft === 0) {
        throw new AppError(ErrorCode.INVALID_STATE, `No attempts left: all ${quiz.max_attempts} were used.`);
      }
      checkAnswers(quiz, answers);
      const questions = quiz.questions.map((q, i) => ({ right: sameSet(answers[i], q.correct) }));
      const score = Math.round((100 * questions.filter((q) => q.right).length) / questions.length);
      const passed = score >= quiz.pass_mark;
      await this.learning.insertAttempt(
        manager,
        quizId,
        user.id,
        answers,
        questions.map((q) => q.right),
        score,
        passed,
      );
      const graded = { score, passed, questions, status: await this.statusOf(manager, e, quizId, user.id) };
      // a pass may complete the course: its certificate is issued in this transaction
      return {
        result: graded,
        notified: passed ? await this.completion.completeIfDone(manager, e, user.id) : { items: [] },
      };
    });
    await this.notifications.publish(notified);
    return result;
  }

  private async statusOf(manager: EntityManager, e: EnrolmentRow, quizId: string, userId: string) {
    const rows = await this.learning.quizStatus(manager, e.version_id, userId);
    const row = rows.find((r) => r.quiz_id === quizId);
    if (!row) throw AppError.notFound('Quiz');
    return status(row);
  }

  private async requireEnrolment(manager: EntityManager, user: AuthUser, courseId: string): Promise<EnrolmentRow> {
    const e = await this.learning.enrolment(manager, courseId, user.id, true);
    if (!e) throw AppError.notFound('Enrolment');
    return e;
  }
}

function status(r: {
  quiz_id: string;
  max_attempts: number | null;
  used: number;
  best: number | null;
  passed: boolean;
}): CourseQuizStatusDto {
  return {
    quizId: r.quiz_id,
    attemptsUsed: r.used,
    attemptsLeft: r.max_attempts === null ? null : Math.max(0, r.max_attempts - r.used),
    bestScore: r.best,
    passed: r.passed,
  };
}

/** One answer per question, each a list of distinct option indexes in range; exactly one for single choice. */
function checkAnswers(quiz: QuizRow, answers: number[][]): void {
  const ok =
    answers.length === quiz.questions.length &&
    answers.every((chosen, i) => {
      const q = quiz.questions[i];
      return (
        chosen.every((n) => Number.isInteger(n) && n >= 0 && n < q.options) &&
        new Set(chosen).size === chosen.length &&
        (q.kind === 'single' ? chosen.length === 1 : chosen.length >= 1)
      );
    });
  if (!ok) throw AppError.field('answers', 'quizAnswers');
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n) => b.includes(n));
}
