import { Injectable } from '@nestjs/common';
import type { CourseLearnerDto, CourseQuestionStatsDto } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import { iso } from '../common/sql';
import { CourseLearningRepository } from './course-learning.repository';
import { CoursesRepository } from './courses.repository';

/** What a course's authors (and admins) see of its learners: progress, and which questions people miss. */
@Injectable()
export class CourseInsightsService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly learning: CourseLearningRepository,
  ) {}

  async learners(user: AuthUser, courseId: string): Promise<CourseLearnerDto[]> {
    await this.requireAuthorOrAdmin(user, courseId);
    const rows = await this.learning.learners(courseId);
    return rows.map((r) => ({
      user: { id: r.id, displayName: r.display_name },
      versionNumber: r.version_number,
      lastLessonKey: r.last_lesson_key,
      enrolledAt: iso(r.enrolled_at),
      lessonsDone: r.lessons_done,
      lessonCount: r.lesson_count,
      quizzesPassed: r.quizzes_passed,
      quizCount: r.quiz_count,
    }));
  }

  /** Per question of the version's quizzes, most missed first. */
  async questionStats(user: AuthUser, versionId: string): Promise<CourseQuestionStatsDto[]> {
    const row = await this.courses.version(undefined, versionId);
    if (!row) throw AppError.notFound('Course version');
    await this.requireAuthorOrAdmin(user, row.course_id);
    const stats = await this.learning.questionStats(versionId);
    return stats
      .map((s) => ({
        quizId: s.quiz_id,
        quizTitle: s.quiz_title,
        question: s.question,
        prompt: s.prompt,
        attempts: s.attempts,
        misses: s.misses,
      }))
      .sort((a, b) => b.misses - a.misses);
  }

  private async requireAuthorOrAdmin(user: AuthUser, courseId: string): Promise<void> {
    const authors = (await this.courses.authorIds(undefined, [courseId])).get(courseId);
    if (!authors) throw AppError.notFound('Course');
    if (!hasRole(user, 'admin') && !authors.includes(user.id)) {
      throw AppError.forbidden('Only the authors of this course can see its learners.');
    }
  }
}
