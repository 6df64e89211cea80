import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reply by email: one row per user and thread whose notification mail carried a reply address
 * `reply+<token>@REPLY_TO_DOMAIN`. Only the SHA-256 of the token is stored, so reading the table
 * does not let anyone post as its users. `last_message_id` is the Message-ID of the last reply
 * posted through it (a sender retrying a delivery does not post twice); `last_refusal_mailed_at`
 * keeps the "your reply was not posted" mail to one per token per hour.
 */
export class ReplyTokens1765000500000 implements MigrationInterface {
  name = 'ReplyTokens1765000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reply_tokens (
        token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        last_message_id varchar(255),
        last_refusal_mailed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX reply_tokens_user_thread_key ON reply_tokens (user_id, thread_id)`);
    await q.query(`CREATE INDEX reply_tokens_thread_idx ON reply_tokens (thread_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reply_tokens`);
  }
}
