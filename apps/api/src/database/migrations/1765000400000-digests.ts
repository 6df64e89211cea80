import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digests: one row per user per period (the local date of the digest) is claimed in the
 * transaction that writes the mail, so several instances ticking at once send one digest. The row
 * records which notifications it covered (daily and/or weekly kinds, up to `window_end`): the next
 * digest starts there. Users are found by time zone, and recent threads by their last post, hence the indexes.
 */
export class Digests1765000400000 implements MigrationInterface {
  name = 'Digests1765000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_runs (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        period_key varchar(16) NOT NULL,
        daily boolean NOT NULL,
        weekly boolean NOT NULL,
        window_end timestamptz NOT NULL,
        mail_id uuid REFERENCES mail_messages (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT digest_runs_user_period_key UNIQUE (user_id, period_key)
      )`);
    await q.query(`CREATE INDEX digest_runs_created_idx ON digest_runs (created_at)`);
    await q.query(`CREATE INDEX users_time_zone_idx ON users (time_zone, id)`);
    // "what waits for this user" reads the threads with activity since the previous digest
    await q.query(`CREATE INDEX threads_last_posted_idx ON threads (last_posted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX threads_last_posted_idx`);
    await q.query(`DROP INDEX users_time_zone_idx`);
    await q.query(`DROP TABLE digest_runs`);
  }
}
