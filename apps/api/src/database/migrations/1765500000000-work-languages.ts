import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the languages a user works in (ISO 639-1 codes; the API checks them against
 * WORK_LANGUAGES), shown on their person card and read by training matching.
 */
export class WorkLanguages1765500000000 implements MigrationInterface {
  name = 'WorkLanguages1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN work_languages text[] NOT NULL DEFAULT '{}'
         CONSTRAINT users_work_languages_size CHECK (cardinality(work_languages) <= 12)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN work_languages`);
  }
}
