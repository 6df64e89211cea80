import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareDatabase } from '../src/prepare-database';
import { EMBEDDED_TEST_PORT, TEST_DATA_DIR, recreateDatabase, testDatabaseUrl } from './support/test-database';

declare global {
  var __TWINNING_EMBEDDED__: EmbeddedPostgres | undefined;
}

/**
 * Integration tests run against real PostgreSQL: the server in DATABASE_URL when set (a fresh
 * `twinning_test` database on it), else an embedded PostgreSQL of their own. Migrations run here,
 * exactly as at app start.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = new EmbeddedPostgres({
      dataDir: `${TEST_DATA_DIR}/postgres`,
      port: EMBEDDED_TEST_PORT,
      database: 'postgres',
      log: () => undefined,
    });
    serverUrl = await embedded.start();
    globalThis.__TWINNING_EMBEDDED__ = embedded;
  }
  await recreateDatabase(serverUrl);
  const url = testDatabaseUrl(serverUrl);
  await prepareDatabase(url, { seed: false, log: () => undefined });
  process.env.TWINNING_TEST_DATABASE_URL = url;
}
