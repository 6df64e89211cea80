import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training requests and offers. A city (or a partnership, for all its cities) asks for a training;
 * facilitators and cities that declare expertise (`cities.training_skills`) answer with offers;
 * accepting one matches the request and declines the others. Every move of a request is recorded
 * in `training_request_events` (who, when, from → to). The preferred period is kept as calendar
 * days with the requester's time zone.
 */
export class TrainingRequests1765810000000 implements MigrationInterface {
  name = 'TrainingRequests1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE cities ADD COLUMN training_skills text[] NOT NULL DEFAULT '{}'
         CONSTRAINT cities_training_skills_size CHECK (cardinality(training_skills) <= 10)`,
    );
    await q.query(`CREATE INDEX cities_training_experts_idx ON cities (id) WHERE cardinality(training_skills) > 0`);
    await q.query(`
      CREATE TABLE training_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id uuid REFERENCES cities (id) ON DELETE CASCADE,
        partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE,
        title varchar(160) NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        audience_roles text[] NOT NULL DEFAULT '{}',
        head_count integer NOT NULL CHECK (head_count > 0),
        languages text[] NOT NULL DEFAULT '{}',
        format varchar(16) NOT NULL CHECK (format IN ('live_online', 'in_person', 'self_paced')),
        preferred_start date NOT NULL,
        preferred_end date NOT NULL,
        time_zone varchar(64) NOT NULL,
        notes text NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'matched', 'scheduled', 'delivered', 'evaluated', 'withdrawn')),
        accepted_offer_id uuid,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT training_requests_one_requester CHECK ((city_id IS NULL) <> (partnership_id IS NULL)),
        CHECK (preferred_end >= preferred_start),
        CHECK (status IN ('open', 'withdrawn') OR accepted_offer_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX training_requests_status_idx ON training_requests (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX training_requests_city_idx ON training_requests (city_id) WHERE city_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX training_requests_partnership_idx ON training_requests (partnership_id) WHERE partnership_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE training_request_officials (
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (request_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE training_request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX training_request_events_idx ON training_request_events (request_id, created_at, id)`);
    await q.query(`
      CREATE TABLE training_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES training_requests (id) ON DELETE CASCADE,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        city_id uuid REFERENCES cities (id) ON DELETE CASCADE,
        approach text NOT NULL,
        format varchar(16) NOT NULL CHECK (format IN ('live_online', 'in_person', 'self_paced')),
        proposed_dates date[] NOT NULL DEFAULT '{}',
        language varchar(8) NOT NULL,
        -- a published course, for self-paced offers (the courses table comes later)
        course_id uuid,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        decided_at timestamptz
      )`);
    await q.query(`CREATE INDEX training_offers_request_idx ON training_offers (request_id, created_at, id)`);
    await q.query(
      `CREATE UNIQUE INDEX training_offers_one_accepted ON training_offers (request_id) WHERE status = 'accepted'`,
    );
    await q.query(
      `ALTER TABLE training_requests ADD CONSTRAINT training_requests_accepted_offer_fk
         FOREIGN KEY (accepted_offer_id) REFERENCES training_offers (id) ON DELETE RESTRICT`,
    );
    await q.query(`
      CREATE TABLE training_offer_trainers (
        offer_id uuid NOT NULL REFERENCES training_offers (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (offer_id, user_id)
      )`);
    await q.query(`CREATE INDEX training_offer_trainers_user_idx ON training_offer_trainers (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_requests DROP CONSTRAINT training_requests_accepted_offer_fk`);
    await q.query(`DROP TABLE training_offer_trainers`);
    await q.query(`DROP TABLE training_offers`);
    await q.query(`DROP TABLE training_request_events`);
    await q.query(`DROP TABLE training_request_officials`);
    await q.query(`DROP TABLE training_requests`);
    await q.query(`DROP INDEX cities_training_experts_idx`);
    await q.query(`ALTER TABLE cities DROP COLUMN training_skills`);
  }
}
