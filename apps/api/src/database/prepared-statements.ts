import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A statement PostgreSQL parses and plans once per connection, then only executes. */
export interface PreparedStatement {
  /** Unique per text: the server keeps one plan per name and connection. */
  name: string;
  text: string;
}

/**
 * Runs the hottest statements (a workshop room's sends) as named prepared statements with a generic
 * plan. Through TypeORM every query goes out unnamed, so PostgreSQL parses and plans it on each
 * call; for the send CTEs planning cost more CPU than executing (about 1 ms against 0.3 ms per
 * statement, measured with `tools/bench/rooms.mjs`). These statements take only ids, arrays and
 * text whose values never change the best plan, so a generic plan is always right for them, but
 * PostgreSQL's own choice keeps re-planning the batch statement (it costs the generic plan for ten
 * array elements). The pool's sessions therefore run with `plan_cache_mode = force_generic_plan`;
 * it is a pool of its own so that TypeORM's unnamed statements keep their per-call plans.
 *
 * Each call is reported to the DataSource's logger like a TypeORM query (tests count statements),
 * and a failure is thrown as TypeORM's QueryFailedError with the driver error inside, as
 * `dataSource.query` would.
 */
@Injectable()
export class PreparedStatements implements OnApplicationShutdown {
  private pool: Pool | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async query<Row>(statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
    this.dataSource.logger.logQuery(statement.text, values);
    try {
      const result = await this.connections().query<Row & object>({
        name: statement.name,
        text: statement.text,
        values,
      });
      return result.rows;
    } catch (error) {
      const failure = new QueryFailedError(statement.text, values, error as Error);
      this.dataSource.logger.logQueryError(failure.message, statement.text, values);
      throw failure;
    }
  }

  private connections(): Pool {
    if (!this.pool) {
      const options = this.dataSource.options as { url?: string; extra?: Record<string, unknown> };
      const extra = options.extra ?? {};
      this.pool = new Pool({
        connectionString: options.url,
        // one connection per write slot of the room send batcher, its only user so far
        max: this.config.workshopWriteConcurrency,
        connectionTimeoutMillis: extra['connectionTimeoutMillis'] as number | undefined,
        idleTimeoutMillis: extra['idleTimeoutMillis'] as number | undefined,
        application_name: `${String(extra['application_name'] ?? 'twinning')}-prepared`,
        options: '-c plan_cache_mode=force_generic_plan',
      });
      // An idle connection that dies (server restart) is dropped by the pool; the next query opens another.
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }
}
