import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learners on courses: an enrolment pins the published version the learner enrolled in (they stay on it until
 * they choose to move), remembers the last lesson opened (resume on any device) and the lessons done; quiz
 * attempts keep the answers given and the grade the server computed.
 */
export class CourseEnrolments1765831000000 implements MigrationInterface {
  name = 'CourseEnrolments1765831000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE course_enrolments (
         course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
         user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         version_id uuid NOT NULL REFERENCES course_versions(id),
         last_lesson_key uuid,
         enrolled_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (course_id, user_id))`,
    );
    await q.query(`CREATE INDEX course_enrolments_user ON course_enrolments (user_id)`);
    await q.query(
      `CREATE TABLE course_lesson_progress (
         user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
         lesson_key uuid NOT NULL,
         completed_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (user_id, version_id, lesson_key))`,
    );
    await q.query(
      `CREATE TABLE course_quiz_attempts (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         quiz_id uuid NOT NULL REFERENCES course_quizzes(id) ON DELETE CASCADE,
         user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         answers jsonb NOT NULL,
         rights boolean[] NOT NULL,
         score int NOT NULL CHECK (score BETWEEN 0 AND 100),
         passed boolean NOT NULL,
         created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    await q.query(`CREATE INDEX course_quiz_attempts_user ON course_quiz_attempts (user_id, quiz_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_quiz_attempts`);
    await q.query(`DROP TABLE course_lesson_progress`);
    await q.query(`DROP TABLE course_enrolments`);
  }
}
