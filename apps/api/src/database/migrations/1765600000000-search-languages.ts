import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that understands words. Posts and threads get a `language` (a code of POST_LANGUAGES;
 * existing rows take their author's interface language). Their `search` vector is rebuilt as two
 * parts: every word as written, under the `simple` configuration, with weight A, then, for English,
 * French, Spanish and Arabic, the words stemmed under that language's configuration, with weight B.
 * A query is matched under all five configurations at once, so "pilot" finds "pilots", and a
 * post holding the exact word scores the A part too, which ranks it above a stemmed match.
 *
 * Rows inserted without a language (seeds, tools, other features' SQL) take their author's
 * interface language from a BEFORE INSERT trigger; generated columns are computed after it.
 *
 * `posts (created_at)` serves the search cap: a very common word ranks only its newest matches,
 * found by ANDing the GIN bitmap with a range of this index.
 */
const CONFIG = (column: string) => `CASE ${column}
      WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig
      WHEN 'es' THEN 'spanish'::regconfig WHEN 'ar' THEN 'arabic'::regconfig END`;

const VECTOR = (text: string) => `setweight(to_tsvector('simple'::regconfig, ${text}), 'A') ||
      CASE WHEN language IN ('en', 'fr', 'es', 'ar')
           THEN setweight(to_tsvector(${CONFIG('language')}, ${text}), 'B') ELSE ''::tsvector END`;

export class SearchLanguages1765600000000 implements MigrationInterface {
  name = 'SearchLanguages1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION content_language_from_author() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT u.preferred_language INTO NEW.language FROM users u WHERE u.id = NEW.author_id;
        NEW.language := coalesce(NEW.language, 'und');
        RETURN NEW;
      END $$`);
    for (const [table, text] of [
      ['threads', 'title'],
      ['posts', 'body'],
    ] as const) {
      await q.query(`DROP INDEX ${table}_search_idx`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN search`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN language varchar(8)`);
      await q.query(
        `UPDATE ${table} x SET language = coalesce(u.preferred_language, 'und')
           FROM users u WHERE u.id = x.author_id`,
      );
      await q.query(`ALTER TABLE ${table} ALTER COLUMN language SET NOT NULL`);
      await q.query(`
        CREATE TRIGGER ${table}_language BEFORE INSERT ON ${table}
          FOR EACH ROW WHEN (NEW.language IS NULL) EXECUTE FUNCTION content_language_from_author()`);
      // kept in the row (compressed) rather than moved out to TOAST: ranking reads it for every match
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN search tsvector GENERATED ALWAYS AS (${VECTOR(text)}) STORED,
                       ALTER COLUMN search SET STORAGE MAIN`,
      );
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search)`);
    }
    await q.query(`CREATE INDEX posts_created_idx ON posts (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX posts_created_idx`);
    for (const [table, text] of [
      ['threads', 'title'],
      ['posts', 'body'],
    ] as const) {
      await q.query(`DROP INDEX ${table}_search_idx`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN search`);
      await q.query(`DROP TRIGGER ${table}_language ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN language`);
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, ${text})) STORED`,
      );
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search)`);
    }
    await q.query(`DROP FUNCTION content_language_from_author()`);
  }
}
