import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online courses. A course has authors (facilitators) and numbered versions; each version carries its own
 * header (title, language, themes, description, hours) and content: modules → lessons (Markdown and its
 * sanitised HTML) and quizzes → questions whose options (with the correct flags) stay on the server.
 * At most one working version (draft or in review) and one published version per course.
 * Reviews: one approval per reviewer per review round; comments per lesson (by the lesson's stable key).
 */
export class Courses1765830000000 implements MigrationInterface {
  name = 'Courses1765830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE courses (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         owner_id uuid NOT NULL REFERENCES users(id),
         created_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(
      `CREATE TABLE course_authors (
         course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
         user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         PRIMARY KEY (course_id, user_id))`,
    );
    await q.query(`CREATE INDEX course_authors_user ON course_authors (user_id)`);
    await q.query(
      `CREATE TABLE course_versions (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
         number int NOT NULL CHECK (number >= 1),
         state varchar(16) NOT NULL DEFAULT 'draft'
           CHECK (state IN ('draft', 'in_review', 'published', 'archived')),
         title varchar(200) NOT NULL,
         language varchar(8) NOT NULL,
         themes text[] NOT NULL DEFAULT '{}',
         description text NOT NULL,
         estimated_hours numeric(6,1) NOT NULL CHECK (estimated_hours > 0),
         review_round int NOT NULL DEFAULT 0,
         created_at timestamptz NOT NULL DEFAULT now(),
         submitted_at timestamptz,
         published_at timestamptz,
         archived_at timestamptz,
         UNIQUE (course_id, number))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX course_versions_one_working ON course_versions (course_id)
         WHERE state IN ('draft', 'in_review')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX course_versions_one_published ON course_versions (course_id) WHERE state = 'published'`,
    );
    await q.query(
      `CREATE INDEX course_versions_catalogue ON course_versions (published_at DESC, id DESC) WHERE state = 'published'`,
    );
    await q.query(`CREATE INDEX course_versions_queue ON course_versions (submitted_at) WHERE state = 'in_review'`);
    await q.query(
      `CREATE TABLE course_modules (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
         position int NOT NULL,
         title varchar(200) NOT NULL,
         UNIQUE (version_id, position))`,
    );
    await q.query(
      `CREATE TABLE course_lessons (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         module_id uuid NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
         version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
         key uuid NOT NULL,
         position int NOT NULL,
         title varchar(200) NOT NULL,
         body text NOT NULL,
         body_html text NOT NULL,
         UNIQUE (module_id, position),
         UNIQUE (version_id, key))`,
    );
    await q.query(
      `CREATE TABLE course_quizzes (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         module_id uuid NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
         position int NOT NULL,
         title varchar(200) NOT NULL,
         pass_mark int NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
         max_attempts int CHECK (max_attempts IS NULL OR max_attempts >= 1),
         UNIQUE (module_id, position))`,
    );
    await q.query(
      `CREATE TABLE course_questions (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         quiz_id uuid NOT NULL REFERENCES course_quizzes(id) ON DELETE CASCADE,
         position int NOT NULL,
         kind varchar(16) NOT NULL CHECK (kind IN ('single', 'multiple')),
         prompt text NOT NULL,
         options text[] NOT NULL,
         correct int[] NOT NULL,
         UNIQUE (quiz_id, position))`,
    );
    await q.query(
      `CREATE TABLE course_approvals (
         version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
         round int NOT NULL,
         reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         PRIMARY KEY (version_id, round, reviewer_id))`,
    );
    await q.query(
      `CREATE TABLE course_review_comments (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
         round int NOT NULL,
         lesson_key uuid NOT NULL,
         reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         body text NOT NULL,
         body_html text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    await q.query(`CREATE INDEX course_review_comments_version ON course_review_comments (version_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'course_review_comments',
      'course_approvals',
      'course_questions',
      'course_quizzes',
      'course_lessons',
      'course_modules',
      'course_versions',
      'course_authors',
      'courses',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
