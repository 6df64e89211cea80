import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail: every mail the platform writes is a row of `mail_messages` (its stable Message-ID, both
 * parts, headers, an optional calendar part and where it stands: captured for the Outbox, queued,
 * sent once the server accepted it, failed, or suppressed). Users gain when their address was
 * verified and whether it bounces. Accounts from before this change are unverified until their
 * owner follows a verification link. `notification_settings` holds each user's choices of how a
 * notification kind reaches them by mail; a kind without a row follows its default.
 */
export class Mail1765000000000 implements MigrationInterface {
  name = 'Mail1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN email_bouncing_at timestamptz,
        ADD COLUMN email_bounce_reason text`);
    await q.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id varchar(255) NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        to_address varchar(254) NOT NULL,
        category varchar(64) NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        calendar_method varchar(16) CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
        calendar text,
        status varchar(16) NOT NULL CHECK (status IN ('captured', 'queued', 'sent', 'failed', 'suppressed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX mail_messages_message_id_key ON mail_messages (message_id)`);
    await q.query(`CREATE INDEX mail_messages_created_idx ON mail_messages (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX mail_messages_user_idx ON mail_messages (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(64) NOT NULL,
        delivery varchar(16) NOT NULL CHECK (delivery IN ('immediately', 'daily', 'weekly', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP TABLE mail_messages`);
    await q.query(`
      ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN email_bouncing_at, DROP COLUMN email_bounce_reason`);
  }
}
