import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { THEMES } from '@twinning/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

let credentialKey: string | null = null;
/** One RSA key per test process for CREDENTIAL_SIGNING_KEY (generating one per boot costs time). */
export function testCredentialKey(): string {
  credentialKey ??= newCredentialKey();
  return credentialKey;
}

export function newCredentialKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** Counts SQL statements, so tests can assert that a request's query count does not grow with data. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {
    // counted by logQuery already
  }
  logQuerySlow(): void {
    // not needed by tests
  }
  logSchemaBuild(): void {
    // migrations only; never schema sync
  }
  logMigration(): void {
    // silent in tests
  }
  log(): void {
    // silent in tests
  }
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.count;
    const result = await fn();
    return { result, queries: this.count - before };
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  queries: QueryCounter;
  /** Base URL when started with listen: true. */
  url: string;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.TWINNING_TEST_DATABASE_URL;
  if (!url) throw new Error('TWINNING_TEST_DATABASE_URL is not set: run the tests through jest (global setup).');
  return url;
}

/** Boots the real application (same factory as production) against the test database. */
export async function bootApp(
  env: Record<string, string> = {},
  opts: { listen?: boolean; webDistDir?: string | null; databaseUrl?: string } = {},
): Promise<TestApp> {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      CREDENTIAL_SIGNING_KEY: testCredentialKey(),
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'twinning-test-')),
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_PER_IP: '1000',
      AUTH_RATE_LIMIT_PER_ACCOUNT: '1000',
      JOBS_POLLING_INTERVAL_SECONDS: '0.5',
      ...env,
    },
    { webDistDir: opts.webDistDir ?? null },
  );
  const queries = new QueryCounter();
  const app = await createApp(config, opts.databaseUrl ?? testDatabaseUrl(), { typeormLogger: queries });
  let url = '';
  if (opts.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  const dataSource = app.get(DataSource);
  return { app, config, dataSource, queries, url, close: () => app.close() };
}

/** Empties every table but the migrations' ledger. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
  );
  if (tables.length) {
    const truncate = `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`;
    // TRUNCATE locks every table at once; a statement the freshly booted app runs in the background
    // (a queue worker's first poll, a trigger) can take two of them in the other order. PostgreSQL
    // then cancels one side as a deadlock (40P01): emptying the tables again is always safe.
    for (let attempt = 1; ; attempt++) {
      try {
        await dataSource.query(truncate);
        break;
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (code !== '40P01' || attempt === 3) throw error;
      }
    }
  }
  // reference data the migrations insert: one public forum per theme
  await dataSource.query(`INSERT INTO forums (kind, theme) SELECT 'theme', unnest($1::text[]) ON CONFLICT DO NOTHING`, [
    THEMES,
  ]);
}
