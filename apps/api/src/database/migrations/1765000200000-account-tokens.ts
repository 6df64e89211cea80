import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts by email: `account_tokens` holds the links sent by mail (verify an address, reset a
 * password) as SHA-256 hashes only, each single use with its own expiry; `email` is the address a
 * verification proves (the account's own, or the new one of an email change). `sessions_revoked_at`
 * on users refuses access tokens issued before it (a reset signs every session out at once).
 */
export class AccountTokens1765000200000 implements MigrationInterface {
  name = 'AccountTokens1765000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        email varchar(254) NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_tokens_hash_key ON account_tokens (token_hash)`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);
    await q.query(`ALTER TABLE users ADD COLUMN sessions_revoked_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN sessions_revoked_at`);
    await q.query(`DROP TABLE account_tokens`);
  }
}
