import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each course gets a discussion forum of its own, public like the theme forums (every signed-in user reads
 * and posts, platform admins moderate). It is created when the course's first version is published, and
 * carries the title of the course's latest published version (updated on each publication), so forum lists,
 * search, flags and the audit log name it without reading the courses' tables.
 */
export class CourseForums1765851000000 implements MigrationInterface {
  name = 'CourseForums1765851000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE forums ADD COLUMN course_id uuid UNIQUE REFERENCES courses (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE forums ADD COLUMN course_title varchar(200)`);
    await q.query(`ALTER TABLE forums DROP CONSTRAINT forums_kind_check`);
    await q.query(
      `ALTER TABLE forums ADD CONSTRAINT forums_kind_check CHECK (kind IN ('partnership', 'theme', 'course'))`,
    );
    await q.query(`ALTER TABLE forums DROP CONSTRAINT forums_kind_target`);
    await q.query(`
      ALTER TABLE forums ADD CONSTRAINT forums_kind_target CHECK (
        (kind = 'partnership' AND partnership_id IS NOT NULL AND theme IS NULL AND course_id IS NULL) OR
        (kind = 'theme' AND theme IS NOT NULL AND partnership_id IS NULL AND course_id IS NULL) OR
        (kind = 'course' AND course_id IS NOT NULL AND course_title IS NOT NULL
          AND partnership_id IS NULL AND theme IS NULL))`);
    // courses published before this migration get their forum now
    await q.query(`
      INSERT INTO forums (kind, course_id, course_title)
      SELECT DISTINCT ON (v.course_id) 'course', v.course_id, left(v.title, 200)
        FROM course_versions v
       WHERE v.state IN ('published', 'archived')
       ORDER BY v.course_id, (v.state = 'published') DESC, v.number DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM forums WHERE kind = 'course'`);
    await q.query(`ALTER TABLE forums DROP CONSTRAINT forums_kind_target`);
    await q.query(`
      ALTER TABLE forums ADD CONSTRAINT forums_kind_target CHECK (
        (kind = 'partnership' AND partnership_id IS NOT NULL AND theme IS NULL) OR
        (kind = 'theme' AND theme IS NOT NULL AND partnership_id IS NULL))`);
    await q.query(`ALTER TABLE forums DROP CONSTRAINT forums_kind_check`);
    await q.query(`ALTER TABLE forums ADD CONSTRAINT forums_kind_check CHECK (kind IN ('partnership', 'theme'))`);
    await q.query(`ALTER TABLE forums DROP COLUMN course_title`);
    await q.query(`ALTER TABLE forums DROP COLUMN course_id`);
  }
}
