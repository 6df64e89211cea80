import type { MigrationInterface, QueryRunner } from 'typeorm';

const THEMES = [
  'integration',
  'employment',
  'education',
  'transportation',
  'social_services',
  'health',
  'human_security',
  'intercultural_dialogue',
  'environmental_sustainability',
];
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'nl', 'de', 'ms', 'id', 'vi', 'th', 'zh', 'tl'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Live workshops: the workshop (with its room state and per-room message counter), facilitators,
 * attendees (registration, mute, removal), messages numbered gap-free per room, reports, Q&A with
 * votes, the hand-raise queue and the facilitators' audit log.
 */
export class Workshops1764500000000 implements MigrationInterface {
  name = 'Workshops1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workshops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(160) NOT NULL,
        description text NOT NULL DEFAULT '',
        description_html text NOT NULL DEFAULT '',
        theme varchar(40) NOT NULL CHECK (theme IN (${list(THEMES)})),
        language varchar(8) NOT NULL CHECK (language IN (${list(LANGUAGES)})),
        scope varchar(16) NOT NULL CHECK (scope IN ('public', 'partnership')),
        partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        status varchar(16) NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'live', 'ended')),
        opened_at timestamptz,
        ended_at timestamptz,
        locked boolean NOT NULL DEFAULT false,
        slow_mode_seconds integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds >= 0),
        -- the last message number handed out; incremented in the statement that inserts a message
        last_seq integer NOT NULL DEFAULT 0,
        registered_count integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((scope = 'partnership') = (partnership_id IS NOT NULL)),
        CHECK (ends_at > starts_at),
        CHECK (capacity IS NULL OR registered_count <= capacity)
      )`);
    await q.query(`CREATE INDEX workshops_starts_idx ON workshops (starts_at, id)`);
    await q.query(`CREATE INDEX workshops_status_idx ON workshops (status, starts_at)`);
    await q.query(
      `CREATE INDEX workshops_partnership_idx ON workshops (partnership_id) WHERE partnership_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE workshop_facilitators (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (workshop_id, user_id)
      )`);
    await q.query(`CREATE INDEX workshop_facilitators_user_idx ON workshop_facilitators (user_id)`);

    // One row per participant who registered or joined: mute and removal live here too.
    await q.query(`
      CREATE TABLE workshop_attendees (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        registered boolean NOT NULL DEFAULT true,
        registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        muted_until timestamptz,
        removed_at timestamptz,
        removed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        removal_reason text NOT NULL DEFAULT '',
        PRIMARY KEY (workshop_id, user_id)
      )`);
    await q.query(`CREATE INDEX workshop_attendees_user_idx ON workshop_attendees (user_id)`);

    await q.query(`
      CREATE TABLE workshop_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        client_id varchar(64) NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        pinned_at timestamptz,
        pinned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        UNIQUE (workshop_id, seq),
        UNIQUE (workshop_id, author_id, client_id)
      )`);
    // slow mode looks up one author's latest message in a room
    await q.query(`CREATE INDEX workshop_messages_author_idx ON workshop_messages (workshop_id, author_id, seq DESC)`);
    await q.query(
      `CREATE INDEX workshop_messages_pinned_idx ON workshop_messages (workshop_id) WHERE pinned_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE workshop_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES workshop_messages (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        UNIQUE (message_id, reporter_id)
      )`);
    await q.query(
      `CREATE INDEX workshop_reports_open_idx ON workshop_reports (workshop_id, created_at) WHERE resolved_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE workshop_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        body text NOT NULL,
        body_html text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'dismissed')),
        votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX workshop_questions_idx ON workshop_questions (workshop_id, votes DESC, created_at)`);
    await q.query(`
      CREATE TABLE workshop_question_votes (
        question_id uuid NOT NULL REFERENCES workshop_questions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (question_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE workshop_hands (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        raised_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (workshop_id, user_id)
      )`);
    await q.query(`CREATE INDEX workshop_hands_queue_idx ON workshop_hands (workshop_id, raised_at)`);

    await q.query(`
      CREATE TABLE workshop_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action varchar(32) NOT NULL,
        target_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        target_message_id uuid REFERENCES workshop_messages (id) ON DELETE SET NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX workshop_audit_idx ON workshop_audit (workshop_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'workshop_audit',
      'workshop_hands',
      'workshop_question_votes',
      'workshop_questions',
      'workshop_reports',
      'workshop_messages',
      'workshop_attendees',
      'workshop_facilitators',
      'workshops',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
