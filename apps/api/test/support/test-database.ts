import path from 'node:path';
import { Client } from 'pg';

/**
 * Where integration tests keep state: a dedicated database, never the app's own. TWINNING_TEST_DB
 * names another one, so two test runs can share a server without dropping each other's database.
 */
export const TEST_DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/.test(process.env.TWINNING_TEST_DB ?? '')
  ? (process.env.TWINNING_TEST_DB as string)
  : 'twinning_test';
export const EMBEDDED_TEST_PORT = 54339;
export const TEST_DATA_DIR = path.resolve(__dirname, '../../../../.data/test');

/** DATABASE_URL names a server (CI: the machine's PostgreSQL 15); tests use their own database on it. */
export function testDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${TEST_DB_NAME}`;
  return url.toString();
}

export async function recreateDatabase(serverUrl: string): Promise<void> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEST_DB_NAME} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEST_DB_NAME}`);
  } finally {
    await client.end();
  }
}
