import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform roles become a set: `users.roles` holds any of admin, facilitator and reviewer (the advisory
 * board that reviews courses), each at most once. Every admin and facilitator keeps their role; a
 * member (everyone signed in) holds none. down() keeps the highest role (admin, then facilitator).
 */
export class PlatformRoles1765800000000 implements MigrationInterface {
  name = 'PlatformRoles1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN roles text[] NOT NULL DEFAULT '{}'
         CONSTRAINT users_roles_known CHECK (
           roles <@ ARRAY['admin', 'facilitator', 'reviewer']::text[]
           AND cardinality(array_positions(roles, 'admin')) <= 1
           AND cardinality(array_positions(roles, 'facilitator')) <= 1
           AND cardinality(array_positions(roles, 'reviewer')) <= 1)`,
    );
    await q.query(`UPDATE users SET roles = ARRAY[role]::text[] WHERE role IN ('admin', 'facilitator')`);
    await q.query(`ALTER TABLE users DROP COLUMN role`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN role varchar(16) NOT NULL DEFAULT 'member'
         CHECK (role IN ('admin', 'facilitator', 'member'))`,
    );
    await q.query(
      `UPDATE users SET role = CASE WHEN 'admin' = ANY(roles) THEN 'admin'
                                    WHEN 'facilitator' = ANY(roles) THEN 'facilitator'
                                    ELSE 'member' END`,
    );
    await q.query(`ALTER TABLE users DROP COLUMN roles`);
  }
}
