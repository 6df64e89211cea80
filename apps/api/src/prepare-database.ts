import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source';
import { seedDemo } from './database/seed/demo-seed';

/** Arbitrary but fixed: every instance of Twinning takes this advisory lock to migrate and seed. */
const MIGRATION_LOCK_KEY = 7_346_021_155;

/**
 * Runs pending migrations (and the demo seed when asked) while holding a PostgreSQL advisory
 * lock, so several instances starting at once migrate one after the other instead of racing.
 */
export async function prepareDatabase(
  url: string,
  opts: { seed: boolean; log: (message: string) => void },
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
      if (opts.seed) await dataSource.transaction((manager) => seedDemo(manager, opts.log));
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
