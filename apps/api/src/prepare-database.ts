import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source';
import { standaloneCertificatesService } from './certificates';
import type { AppConfig } from './config/app-config';
import { seedDemo } from './database/seed/demo-seed';

/** Arbitrary but fixed: every instance of Twinning takes this advisory lock to migrate and seed. */
const MIGRATION_LOCK_KEY = 7_346_021_155;

/**
 * Runs pending migrations (and the demo seed when asked) while holding a PostgreSQL advisory
 * lock, so several instances starting at once migrate one after the other instead of racing.
 * With `config`, the demo seed also issues its certificate (signed with the configured key).
 */
export async function prepareDatabase(
  url: string,
  opts: { seed: boolean; log: (message: string) => void; config?: AppConfig },
): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, { logging: ['error', 'migration'] }));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) opts.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      if (opts.seed) {
        // the demo certificate is signed with the app's key: issued only when the config is at hand
        const certificates = opts.config ? await standaloneCertificatesService(dataSource, opts.config) : undefined;
        await dataSource.transaction((manager) => seedDemo(manager, opts.log, { certificates }));
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
