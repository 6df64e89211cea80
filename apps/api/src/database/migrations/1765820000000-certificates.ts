import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates and the keys that sign their credentials.
 *
 * A certificate keeps what it showed when it was issued (the learner's name as then written in their
 * profile, title, hours, issuer) and the signed credential (VC-JWT), so renaming a workshop or a
 * person later changes nothing already issued. `status_index` is its bit in the revocation status
 * list (Bitstring Status List), drawn at random among the free ones: list n holds indexes
 * [(n-1)·131072, n·131072).
 *
 * `credential_keys` keeps the public half of every signing key ever used, so credentials signed with
 * a retired key still verify against /.well-known/jwks.json. Private keys never reach the database.
 *
 * Revoking is an admin action logged in `moderation_audit` (target type `certificate`).
 */
export class Certificates1765820000000 implements MigrationInterface {
  name = 'Certificates1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_keys (
        kid varchar(64) PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        retired_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        learner_name varchar(200) NOT NULL,
        source_kind varchar(16) NOT NULL CHECK (source_kind IN ('course', 'workshop')),
        source_id uuid NOT NULL,
        title varchar(300) NOT NULL,
        hours numeric(7, 2) NOT NULL CHECK (hours > 0),
        issued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        issuer_name varchar(200) NOT NULL,
        verification_code char(20) NOT NULL CHECK (verification_code ~ '^[a-z2-7]{20}$'),
        status_index integer NOT NULL CHECK (status_index >= 0),
        credential_jwt text NOT NULL DEFAULT '',
        signing_kid varchar(64) REFERENCES credential_keys (kid),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revocation_reason text NOT NULL DEFAULT '',
        CONSTRAINT certificates_code_key UNIQUE (verification_code),
        CONSTRAINT certificates_status_index_key UNIQUE (status_index),
        CONSTRAINT certificates_one_per_source UNIQUE (user_id, source_kind, source_id)
      )`);
    await q.query(`CREATE INDEX certificates_user_idx ON certificates (user_id, issued_at DESC, id DESC)`);
    await q.query(`CREATE INDEX certificates_revoked_idx ON certificates (status_index) WHERE revoked_at IS NOT NULL`);

    await q.query(`ALTER TABLE moderation_audit DROP CONSTRAINT moderation_audit_target_type_check`);
    await q.query(`
      ALTER TABLE moderation_audit ADD CONSTRAINT moderation_audit_target_type_check
        CHECK (target_type IN ('post', 'thread', 'user', 'flag', 'certificate'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM moderation_audit WHERE target_type = 'certificate'`);
    await q.query(`ALTER TABLE moderation_audit DROP CONSTRAINT moderation_audit_target_type_check`);
    await q.query(`
      ALTER TABLE moderation_audit ADD CONSTRAINT moderation_audit_target_type_check
        CHECK (target_type IN ('post', 'thread', 'user', 'flag'))`);
    await q.query(`DROP TABLE certificates`);
    await q.query(`DROP TABLE credential_keys`);
  }
}
