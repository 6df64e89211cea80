import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        display_name varchar(80) NOT NULL,
        preferred_language varchar(5) NOT NULL DEFAULT 'en'
          CHECK (preferred_language IN ('en', 'fr', 'es', 'ar')),
        time_zone varchar(64) NOT NULL DEFAULT 'UTC',
        role varchar(16) NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'facilitator', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE cities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(140) NOT NULL,
        name varchar(120) NOT NULL,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        region varchar(32) NOT NULL CHECK (region IN ('south_east_asia', 'north_america', 'western_europe')),
        immigration_profile varchar(16) NOT NULL CHECK (immigration_profile IN ('traditional', 'emerging')),
        population integer NOT NULL CHECK (population >= 0),
        languages text[] NOT NULL DEFAULT '{}',
        time_zone varchar(64) NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, coalesce(name, '')), 'A') ||
          setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX cities_slug_key ON cities (slug)`);
    await q.query(`CREATE INDEX cities_name_id_idx ON cities (name, id)`);
    await q.query(`CREATE INDEX cities_themes_idx ON cities USING gin (themes)`);
    await q.query(`CREATE INDEX cities_search_idx ON cities USING gin (search)`);

    await q.query(`
      CREATE TABLE city_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(16) NOT NULL DEFAULT 'official' CHECK (role IN ('official', 'coordinator')),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        message text NOT NULL DEFAULT '',
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX city_memberships_city_user_key ON city_memberships (city_id, user_id)`);
    await q.query(`CREATE INDEX city_memberships_user_idx ON city_memberships (user_id, status)`);
    await q.query(
      `CREATE INDEX city_memberships_pending_idx ON city_memberships (created_at, id) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE city_memberships`);
    await q.query(`DROP TABLE cities`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
