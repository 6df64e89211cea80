import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling, delivering and evaluating a matched training.
 * - Workshops gain a `city` scope (with `city_id`) beside `public` and `partnership`: a city-scoped
 *   workshop is seen by that city's approved officials, its facilitators and admins.
 * - A scheduled request keeps its sessions (live online: each with the workshop it created), the place
 *   (in person), the course version and deadline (self paced), and `delivery_ends_at`, the instant the
 *   lifecycle job moves it to delivered; `delivered_at` opens the evaluation window.
 * - The trainer marks in-person attendance per named official; participants answer one evaluation each.
 * - Self-paced offers name a course (`training_offers.course_id`, now a foreign key).
 */
export class TrainingDelivery1765840000000 implements MigrationInterface {
  name = 'TrainingDelivery1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshops ADD COLUMN city_id uuid REFERENCES cities (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE workshops DROP CONSTRAINT IF EXISTS workshops_scope_check`);
    await q.query(`ALTER TABLE workshops DROP CONSTRAINT IF EXISTS workshops_check`);
    await q.query(
      `ALTER TABLE workshops ADD CONSTRAINT workshops_scope_check CHECK (scope IN ('public', 'partnership', 'city'))`,
    );
    await q.query(
      `ALTER TABLE workshops ADD CONSTRAINT workshops_scope_target CHECK (
         (scope = 'partnership') = (partnership_id IS NOT NULL) AND (scope = 'city') = (city_id IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX workshops_city_idx ON workshops (city_id) WHERE city_id IS NOT NULL`);

    await q.query(
      `ALTER TABLE training_offers ADD CONSTRAINT training_offers_course_fk
         FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE RESTRICT`,
    );
    await q.query(`
      ALTER TABLE training_requests
        ADD COLUMN place varchar(200),
        ADD COLUMN course_id uuid REFERENCES courses (id) ON DELETE RESTRICT,
        ADD COLUMN course_version_id uuid REFERENCES course_versions (id) ON DELETE RESTRICT,
        ADD COLUMN course_deadline timestamptz,
        ADD COLUMN scheduled_at timestamptz,
        ADD COLUMN delivery_ends_at timestamptz,
        ADD COLUMN delivered_at timestamptz,
        ADD CONSTRAINT training_requests_scheduled_ends
          CHECK (status NOT IN ('scheduled', 'delivered', 'evaluated') OR delivery_ends_at IS NOT NULL),
        ADD CONSTRAINT training_requests_delivered_at
          CHECK (status NOT IN ('delivered', 'evaluated') OR delivered_at IS NOT NULL)`);
    await q.query(
      `CREATE INDEX training_requests_due_idx ON training_requests (status, delivery_ends_at)
         WHERE status IN ('scheduled', 'delivered')`,
    );
    await q.query(`
      CREATE TABLE training_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        title varchar(160) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        workshop_id uuid REFERENCES workshops (id) ON DELETE SET NULL,
        CHECK (ends_at > starts_at),
        UNIQUE (request_id, position)
      )`);
    await q.query(
      `CREATE INDEX training_sessions_workshop_idx ON training_sessions (workshop_id) WHERE workshop_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE training_attendance (
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        present boolean NOT NULL,
        marked_by uuid REFERENCES users (id) ON DELETE SET NULL,
        marked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (request_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE training_evaluations (
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
        relevance smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
        will_apply boolean NOT NULL,
        improve varchar(500) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (request_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_evaluations`);
    await q.query(`DROP TABLE training_attendance`);
    await q.query(`DROP TABLE training_sessions`);
    await q.query(`DROP INDEX training_requests_due_idx`);
    await q.query(`
      ALTER TABLE training_requests
        DROP CONSTRAINT training_requests_scheduled_ends, DROP CONSTRAINT training_requests_delivered_at,
        DROP COLUMN place, DROP COLUMN course_id, DROP COLUMN course_version_id, DROP COLUMN course_deadline,
        DROP COLUMN scheduled_at, DROP COLUMN delivery_ends_at, DROP COLUMN delivered_at`);
    await q.query(`ALTER TABLE training_offers DROP CONSTRAINT training_offers_course_fk`);
    await q.query(`DELETE FROM workshops WHERE scope = 'city'`);
    await q.query(`DROP INDEX workshops_city_idx`);
    await q.query(`ALTER TABLE workshops DROP CONSTRAINT workshops_scope_target`);
    await q.query(`ALTER TABLE workshops DROP CONSTRAINT workshops_scope_check`);
    await q.query(
      `ALTER TABLE workshops ADD CONSTRAINT workshops_scope_check CHECK (scope IN ('public', 'partnership'))`,
    );
    await q.query(
      `ALTER TABLE workshops ADD CONSTRAINT workshops_check CHECK ((scope = 'partnership') = (partnership_id IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE workshops DROP COLUMN city_id`);
  }
}
