import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

/**
 * Runs `text` as a named prepared statement (named after its text, so each variant is prepared once
 * per connection) on the manager's transaction connection, or on a pooled connection held only for
 * this statement. Logged like TypeORM's own queries.
 */
export async function runPrepared<T>(
  dataSource: DataSource,
  manager: EntityManager,
  prefix: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const transaction = manager.queryRunner?.isTransactionActive ? manager.queryRunner : undefined;
  const runner = transaction ?? dataSource.createQueryRunner('slave');
  const name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  try {
    const client = (await runner.connect()) as PoolClient;
    dataSource.logger.logQuery(text, values);
    try {
      const result = await client.query<T & object>({ name, text, values });
      return result.rows;
    } catch (error) {
      const failure = new QueryFailedError(text, values, error as Error);
      dataSource.logger.logQueryError(failure.message, text, values);
      throw failure;
    }
  } finally {
    if (!transaction) await runner.release();
  }
}
