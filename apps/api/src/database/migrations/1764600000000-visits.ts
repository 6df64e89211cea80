import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Study visits: the visit (host city, its IANA time zone, dates or a date poll, state, iCalendar
 * sequence), poll options and votes, agenda items in host-local wall time, registrations with a
 * waitlist, per-user calendar feed tokens (hashed) and the visit report with its follow-up actions.
 */
export class Visits1764600000000 implements MigrationInterface {
  name = 'Visits1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        host_city_id uuid NOT NULL REFERENCES cities (id) ON DELETE RESTRICT,
        title varchar(160) NOT NULL,
        purpose text NOT NULL DEFAULT '',
        purpose_html text NOT NULL DEFAULT '',
        themes text[] NOT NULL DEFAULT '{}',
        capacity integer NOT NULL CHECK (capacity > 0),
        registration_deadline timestamptz,
        time_zone varchar(64) NOT NULL,
        start_date date,
        end_date date,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'confirmed', 'completed', 'cancelled')),
        cancel_reason text,
        -- iCalendar SEQUENCE: bumped when dates, agenda or status change
        sequence integer NOT NULL DEFAULT 0,
        places_taken integer NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((start_date IS NULL) = (end_date IS NULL)),
        CHECK (end_date >= start_date),
        CHECK (places_taken <= capacity),
        CHECK (status NOT IN ('confirmed', 'completed') OR start_date IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX visits_partnership_idx ON visits (partnership_id, start_date)`);
    await q.query(`CREATE INDEX visits_dates_idx ON visits (start_date, id)`);

    await q.query(`
      CREATE TABLE visit_date_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_id uuid NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        start_date date NOT NULL,
        end_date date NOT NULL,
        chosen boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (end_date >= start_date),
        UNIQUE (visit_id, start_date, end_date)
      )`);
    await q.query(`
      CREATE TABLE visit_date_votes (
        option_id uuid NOT NULL REFERENCES visit_date_options (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        answer varchar(16) NOT NULL CHECK (answer IN ('yes', 'if_need_be', 'no')),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (option_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE visit_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_id uuid NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        -- wall time in the visit's time zone; instants are derived with AT TIME ZONE visits.time_zone
        starts_local timestamp NOT NULL,
        ends_local timestamp NOT NULL,
        title varchar(300) NOT NULL,
        site varchar(300) NOT NULL DEFAULT '',
        address varchar(300) NOT NULL DEFAULT '',
        host_contact varchar(300) NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        notes_html text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (ends_local > starts_local)
      )`);
    await q.query(`CREATE INDEX visit_agenda_items_idx ON visit_agenda_items (visit_id, starts_local)`);

    await q.query(`
      CREATE TABLE visit_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_id uuid NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
        accompanying integer NOT NULL DEFAULT 0 CHECK (accompanying BETWEEN 0 AND 5),
        dietary text NOT NULL DEFAULT '',
        accessibility text NOT NULL DEFAULT '',
        -- waitlist order: first come, first served (re-registering goes to the back)
        queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (visit_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX visit_registrations_queue_idx ON visit_registrations (visit_id, queued_at, id) WHERE status = 'waitlisted'`,
    );
    await q.query(
      `CREATE INDEX visit_registrations_user_idx ON visit_registrations (user_id) WHERE status <> 'cancelled'`,
    );

    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        -- sha256 of the secret token; the token itself is only shown to its owner
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);

    await q.query(`
      CREATE TABLE visit_reports (
        visit_id uuid PRIMARY KEY REFERENCES visits (id) ON DELETE CASCADE,
        seen text NOT NULL DEFAULT '',
        seen_html text NOT NULL DEFAULT '',
        practices text NOT NULL DEFAULT '',
        practices_html text NOT NULL DEFAULT '',
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE visit_report_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_id uuid NOT NULL REFERENCES visit_reports (visit_id) ON DELETE CASCADE,
        position integer NOT NULL,
        title varchar(300) NOT NULL,
        description text NOT NULL DEFAULT '',
        milestone_id uuid REFERENCES partnership_milestones (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX visit_report_actions_idx ON visit_report_actions (visit_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'visit_report_actions',
      'visit_reports',
      'calendar_feeds',
      'visit_registrations',
      'visit_agenda_items',
      'visit_date_votes',
      'visit_date_options',
      'visits',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
