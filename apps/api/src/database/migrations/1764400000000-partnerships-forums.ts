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

/**
 * Partnerships (with their cities, recorded transitions and milestones), forums, threads, posts,
 * revisions, read state, flags, silences, the moderation audit log and notifications. Users gain a
 * unique `handle` for @mentions, assigned by a trigger when an insert leaves it empty.
 */
export class PartnershipsForums1764400000000 implements MigrationInterface {
  name = 'PartnershipsForums1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // --- handles -------------------------------------------------------------------------------
    await q.query(`ALTER TABLE users ADD COLUMN handle varchar(32)`);
    await q.query(`
      CREATE FUNCTION users_next_handle(display_name text) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        base text;
        candidate text;
        n integer := 1;
      BEGIN
        -- "Trần Minh Anh" → tran_minh_anh: strip accents, keep ASCII letters and digits
        base := regexp_replace(normalize(translate(lower(display_name), 'đøłß', 'dols'), NFD), '[\u0300-\u036f]', '', 'g');
        base := left(trim(both '_' from regexp_replace(base, '[^a-z0-9]+', '_', 'g')), 24);
        IF length(base) < 2 THEN
          base := 'user';
        END IF;
        -- serialise concurrent inserts that start from the same base
        PERFORM pg_advisory_xact_lock(hashtext('users.handle:' || base));
        candidate := base;
        WHILE EXISTS (SELECT 1 FROM users WHERE handle = candidate) LOOP
          n := n + 1;
          candidate := base || n::text;
        END LOOP;
        RETURN candidate;
      END $$`);
    await q.query(`
      CREATE FUNCTION users_assign_handle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.handle IS NULL THEN
          NEW.handle := users_next_handle(NEW.display_name);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_assign_handle BEFORE INSERT ON users
        FOR EACH ROW EXECUTE FUNCTION users_assign_handle()`);
    // backfill existing users, oldest first, one row at a time so each sees the previous handles
    await q.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT id, display_name FROM users ORDER BY created_at, id LOOP
          UPDATE users SET handle = users_next_handle(r.display_name) WHERE id = r.id;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE users ALTER COLUMN handle SET NOT NULL`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_handle_format CHECK (handle ~ '^[a-z0-9_]{2,32}$')`);
    await q.query(`CREATE UNIQUE INDEX users_handle_key ON users (handle)`);

    // --- partnerships --------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(140) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed', 'active', 'concluded', 'declined', 'withdrawn')),
        themes text[] NOT NULL DEFAULT '{}',
        goals text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        concluded_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE partnership_cities (
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        city_id uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL CHECK (status IN ('member', 'invited', 'declined', 'withdrawn')),
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        invited_by_city_id uuid REFERENCES cities (id) ON DELETE SET NULL,
        message text NOT NULL DEFAULT '',
        invited_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        PRIMARY KEY (partnership_id, city_id)
      )`);
    await q.query(`CREATE INDEX partnership_cities_city_idx ON partnership_cities (city_id, status)`);
    await q.query(`
      CREATE TABLE partnership_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        action varchar(16) NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        city_id uuid REFERENCES cities (id) ON DELETE SET NULL,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX partnership_events_idx ON partnership_events (partnership_id, created_at)`);
    await q.query(`
      CREATE TABLE partnership_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
        due_date date,
        status varchar(16) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partnership_milestones_idx ON partnership_milestones (partnership_id, due_date)`);

    // --- forums --------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE forums (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('partnership', 'theme')),
        partnership_id uuid UNIQUE REFERENCES partnerships (id) ON DELETE CASCADE,
        theme varchar(40) UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT forums_kind_target CHECK (
          (kind = 'partnership' AND partnership_id IS NOT NULL AND theme IS NULL) OR
          (kind = 'theme' AND theme IS NOT NULL AND partnership_id IS NULL))
      )`);
    await q.query(`INSERT INTO forums (kind, theme) SELECT 'theme', t FROM unnest($1::text[]) AS t`, [THEMES]);
    await q.query(`
      CREATE TABLE threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        forum_id uuid NOT NULL REFERENCES forums (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        title varchar(160) NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        last_seq integer NOT NULL DEFAULT 0,
        post_count integer NOT NULL DEFAULT 0,
        last_posted_at timestamptz NOT NULL DEFAULT now(),
        last_poster_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title)) STORED
      )`);
    await q.query(`CREATE INDEX threads_list_idx ON threads (forum_id, pinned DESC, last_posted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX threads_search_idx ON threads USING gin (search)`);
    await q.query(`CREATE INDEX threads_themes_idx ON threads USING gin (themes)`);
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        body text NOT NULL,
        body_html text NOT NULL,
        quote_post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
        edit_count integer NOT NULL DEFAULT 0,
        edited_at timestamptz,
        hidden_at timestamptz,
        hidden_by uuid REFERENCES users (id) ON DELETE SET NULL,
        hidden_reason text,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED,
        UNIQUE (thread_id, seq)
      )`);
    await q.query(`CREATE INDEX posts_search_idx ON posts USING gin (search)`);
    await q.query(`CREATE INDEX posts_author_idx ON posts (author_id, created_at)`);
    await q.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        body text NOT NULL,
        body_html text NOT NULL,
        editor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX post_revisions_post_idx ON post_revisions (post_id, created_at)`);
    await q.query(`
      CREATE TABLE thread_reads (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        last_read_seq integer NOT NULL DEFAULT 0,
        level varchar(16) NOT NULL DEFAULT 'normal' CHECK (level IN ('watching', 'normal', 'muted')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);
    await q.query(`CREATE INDEX thread_reads_watchers_idx ON thread_reads (thread_id) WHERE level = 'watching'`);

    // --- moderation ----------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE post_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        reason varchar(32) NOT NULL
          CHECK (reason IN ('spam', 'abusive', 'off_topic', 'private_information', 'other')),
        note text NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX post_flags_open_key ON post_flags (post_id, reporter_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX post_flags_queue_idx ON post_flags (status, created_at, id)`);
    await q.query(`
      CREATE TABLE forum_silences (
        forum_id uuid NOT NULL REFERENCES forums (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        until timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (forum_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE moderation_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action varchar(32) NOT NULL,
        target_type varchar(16) NOT NULL CHECK (target_type IN ('post', 'thread', 'user', 'flag')),
        target_id uuid NOT NULL,
        target_label text NOT NULL DEFAULT '',
        forum_id uuid REFERENCES forums (id) ON DELETE SET NULL,
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX moderation_audit_idx ON moderation_audit (created_at DESC, id DESC)`);

    // --- notifications -------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        payload jsonb NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'moderation_audit',
      'forum_silences',
      'post_flags',
      'thread_reads',
      'post_revisions',
      'posts',
      'threads',
      'forums',
      'partnership_milestones',
      'partnership_events',
      'partnership_cities',
      'partnerships',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TRIGGER users_assign_handle ON users`);
    await q.query(`DROP FUNCTION users_assign_handle()`);
    await q.query(`DROP FUNCTION users_next_handle(text)`);
    await q.query(`ALTER TABLE users DROP COLUMN handle`);
  }
}
