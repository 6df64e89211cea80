import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface EnrolmentRow {
  course_id: string;
  version_id: string;
  version_number: number;
  last_lesson_key: string | null;
  published_id: string | null;
}

export interface QuizRow {
  id: string;
  version_id: string;
  pass_mark: number;
  max_attempts: number | null;
  questions: { kind: 'single' | 'multiple'; options: number; correct: number[] }[];
}

export interface LearnerRow {
  id: string;
  display_name: string;
  version_number: number;
  last_lesson_key: string | null;
  enrolled_at: Date;
  lessons_done: number;
  lesson_count: number;
  quizzes_passed: number;
  quiz_count: number;
}

export interface QuestionStatRow {
  quiz_id: string;
  quiz_title: string;
  question: number;
  prompt: string;
  attempts: number;
  misses: number;
}

/** Enrolments, lesson progress and quiz attempts. */
@Injectable()
export class CourseLearningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Enrols the users on the version (already enrolled users keep theirs). */
  async enrol(manager: EntityManager, courseId: string, versionId: string, userIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO course_enrolments (course_id, user_id, version_id)
       SELECT $1, u, $2 FROM unnest($3::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [courseId, versionId, userIds],
    );
  }

  /** The enrolment, with the course's published version id; `lock` serialises this learner's writes. */
  async enrolment(
    manager: EntityManager | undefined,
    courseId: string,
    userId: string,
    lock = false,
  ): Promise<EnrolmentRow | null> {
    const rows: EnrolmentRow[] = await (manager ?? this.dataSource).query(
      `SELECT e.course_id, e.version_id, v.number AS version_number, e.last_lesson_key,
              (SELECT p.id FROM course_versions p WHERE p.course_id = e.course_id AND p.state = 'published') AS published_id
         FROM course_enrolments e JOIN course_versions v ON v.id = e.version_id
        WHERE e.course_id = $1 AND e.user_id = $2${lock ? ' FOR UPDATE OF e' : ''}`,
      [courseId, userId],
    );
    return rows[0] ?? null;
  }

  async moveTo(manager: EntityManager, courseId: string, userId: string, versionId: string): Promise<void> {
    await manager.query(
      `UPDATE course_enrolments SET version_id = $3, last_lesson_key = NULL WHERE course_id = $1 AND user_id = $2`,
      [courseId, userId, versionId],
    );
  }

  async recordProgress(
    manager: EntityManager,
    e: EnrolmentRow,
    userId: string,
    lessonKey: string,
    completed: boolean,
  ): Promise<void> {
    await manager.query(`UPDATE course_enrolments SET last_lesson_key = $3 WHERE course_id = $1 AND user_id = $2`, [
      e.course_id,
      userId,
      lessonKey,
    ]);
    if (completed) {
      await manager.query(
        `INSERT INTO course_lesson_progress (user_id, version_id, lesson_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [userId, e.version_id, lessonKey],
      );
    }
  }

  async completedLessons(versionId: string, userId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { lesson_key: string }[] = await (manager ?? this.dataSource).query(
      `SELECT lesson_key FROM course_lesson_progress WHERE version_id = $1 AND user_id = $2 ORDER BY completed_at`,
      [versionId, userId],
    );
    return rows.map((r) => r.lesson_key);
  }

  /** Each quiz of the version with the learner's attempts, best score and whether one passed. */
  async quizStatus(
    manager: EntityManager | undefined,
    versionId: string,
    userId: string,
  ): Promise<{ quiz_id: string; max_attempts: number | null; used: number; best: number | null; passed: boolean }[]> {
    return (manager ?? this.dataSource).query(
      `SELECT z.id AS quiz_id, z.max_attempts, count(a.id)::int AS used, max(a.score) AS best,
              coalesce(bool_or(a.passed), false) AS passed
         FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id
         LEFT JOIN course_quiz_attempts a ON a.quiz_id = z.id AND a.user_id = $2
        WHERE m.version_id = $1
        GROUP BY z.id, z.max_attempts, m.position, z.position
        ORDER BY m.position, z.position`,
      [versionId, userId],
    );
  }

  /** What a certificate for the version says: its title and estimated hours. */
  async versionHeader(manager: EntityManager, versionId: string): Promise<{ title: string; hours: number } | null> {
    const rows: { title: string; estimated_hours: string }[] = await manager.query(
      `SELECT title, estimated_hours FROM course_versions WHERE id = $1`,
      [versionId],
    );
    return rows[0] ? { title: rows[0].title, hours: Number(rows[0].estimated_hours) } : null;
  }

  /** A quiz with its answer key (for grading only: never sent to a learner). */
  async quizForGrading(manager: EntityManager, quizId: string): Promise<QuizRow | null> {
    const rows: QuizRow[] = await manager.query(
      `SELECT z.id, m.version_id, z.pass_mark, z.max_attempts,
              (SELECT json_agg(json_build_object('kind', q.kind, 'options', cardinality(q.options), 'correct', q.correct)
                               ORDER BY q.position) FROM course_questions q WHERE q.quiz_id = z.id) AS questions
         FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id WHERE z.id = $1`,
      [quizId],
    );
    return rows[0] ?? null;
  }

  async insertAttempt(
    manager: EntityManager,
    quizId: string,
    userId: string,
    answers: number[][],
    rights: boolean[],
    score: number,
    passed: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO course_quiz_attempts (quiz_id, user_id, answers, rights, score, passed)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [quizId, userId, JSON.stringify(answers), rights, score, passed],
    );
  }

  /** Learners of every version of the course, with how far they are on theirs. */
  async learners(courseId: string): Promise<LearnerRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name, v.number AS version_number, e.last_lesson_key, e.enrolled_at,
              (SELECT count(*)::int FROM course_lesson_progress p
                WHERE p.user_id = e.user_id AND p.version_id = e.version_id) AS lessons_done,
              (SELECT count(*)::int FROM course_lessons l WHERE l.version_id = e.version_id) AS lesson_count,
              (SELECT count(DISTINCT a.quiz_id)::int FROM course_quiz_attempts a
                 JOIN course_quizzes z ON z.id = a.quiz_id JOIN course_modules m ON m.id = z.module_id
                WHERE a.user_id = e.user_id AND m.version_id = e.version_id AND a.passed) AS quizzes_passed,
              (SELECT count(*)::int FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id
                WHERE m.version_id = e.version_id) AS quiz_count
         FROM course_enrolments e JOIN users u ON u.id = e.user_id JOIN course_versions v ON v.id = e.version_id
        WHERE e.course_id = $1
        ORDER BY e.enrolled_at, u.id`,
      [courseId],
    );
  }

  /** For each question of each quiz of the version: attempts and how many got it wrong. */
  async questionStats(versionId: string): Promise<QuestionStatRow[]> {
    return this.dataSource.query(
      `SELECT z.id AS quiz_id, z.title AS quiz_title, q.position AS question, q.prompt,
              count(a.id)::int AS attempts, count(a.id) FILTER (WHERE NOT a.rights[q.position])::int AS misses
         FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id
         JOIN course_questions q ON q.quiz_id = z.id
         LEFT JOIN course_quiz_attempts a ON a.quiz_id = z.id
        WHERE m.version_id = $1
        GROUP BY z.id, z.title, m.position, z.position, q.position, q.prompt
        ORDER BY m.position, z.position, q.position`,
      [versionId],
    );
  }
}
