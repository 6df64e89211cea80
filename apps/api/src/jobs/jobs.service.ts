import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
// pg-boss ships ESM only: Node 24 loads it through require(esm); Jest compiles it (transformIgnorePatterns).
import { PgBoss, type Db, type JobInsert, type JobResult, type SendOptions } from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Where pg-boss keeps its tables, beside the app's own in the same database. */
export const JOBS_SCHEMA = 'pgboss';

/** See `singletonKey`: one slot from 1970 to 2033. */
const SINGLETON_SLOT_SECONDS = 2_000_000_000;

export interface JobSendOptions {
  /** When the job may run first: a Date, or a number of seconds from now. */
  startAfter?: Date | number;
  /**
   * At most one job with this key in the queue, across instances: a second send returns null while
   * the first is kept (waiting, running, failed, or completed until pg-boss deletes it, 7 days
   * after completion). Use keys that name the occurrence, e.g. `digest:daily:<user>:<date>`.
   */
  singletonKey?: string;
  /** How many times a failed job is tried again (pg-boss's default: 2). */
  retryLimit?: number;
  /** The delay before the first retry, in seconds. */
  retryDelaySeconds?: number;
  /**
   * Exponential back-off: the n-th retry waits between `retryDelaySeconds × 2^(n-1)` and
   * `retryDelaySeconds × 2^n` (random jitter), never more than `retryDelayMaxSeconds`.
   */
  retryBackoff?: boolean;
  /** The longest wait between two tries with back-off, in seconds (default: no limit). */
  retryDelayMaxSeconds?: number;
  /**
   * While a worker runs the job it refreshes a heartbeat every half of this (pg-boss); a job whose
   * heartbeat is this old (its process was killed) is retried at pg-boss's next monitor pass (every
   * 60 s) instead of after the 15-minute expiry. At least 10.
   */
  heartbeatSeconds?: number;
}

export interface JobWorkOptions {
  /** Jobs fetched at once; each runs through the handler on its own, failing alone. */
  batchSize?: number;
  /** How often an idle worker polls; defaults to JOBS_POLLING_INTERVAL_SECONDS. */
  pollingIntervalSeconds?: number;
  /** Fetch loops this instance runs for the queue (default 1). */
  concurrency?: number;
}

export interface JobOf<T extends object> {
  id: string;
  data: T;
}

/** pg-boss's `db` adapter over a TypeORM transaction: its statements run on the caller's connection. */
function transactionDb(manager: EntityManager): Db | undefined {
  const runner = manager.queryRunner;
  // A manager outside a transaction would commit at once anyway: pg-boss's own pool does the same.
  if (!runner || !runner.isTransactionActive) return undefined;
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await runner.query(text, values, true);
      return { rows: (result.records ?? []) as unknown[] };
    },
  };
}

/**
 * The job queue: pg-boss in its own schema of the app's database, so the embedded default needs
 * nothing more and several instances share one queue (jobs are claimed with SKIP LOCKED; a cron
 * schedule fires once across instances). `send` writes the job in the caller's transaction, so a
 * job exists exactly when the change that caused it commits.
 *
 * It starts when the application bootstraps (a process that only migrates or seeds never builds the
 * application, so it never starts workers) and stops before the application's shutdown hooks close
 * TypeORM and, after them, the embedded PostgreSQL (main.ts). Errors (PostgreSQL restarting) are
 * logged, never thrown at the process: pg-boss retries its polling and maintenance on its own.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private stopped = false;
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.started();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const starting = this.starting;
    this.starting = null;
    this.boss = null;
    this.queues.clear();
    if (!starting) return;
    const boss = await starting.catch(() => null);
    // graceful: running handlers finish (or time out); the pool closes before TypeORM's
    await boss?.stop({ graceful: true, timeout: 10_000, close: true });
  }

  /**
   * Adds a job to `queue`. With a transaction's manager the job is written in that transaction
   * (rolled back with it); with null (or a manager outside a transaction) it is written at once.
   * Returns the job's id, or null when `singletonKey` matched a waiting job.
   */
  async send(
    manager: EntityManager | null,
    queue: string,
    data: object,
    options: JobSendOptions = {},
  ): Promise<string | null> {
    const boss = await this.queue(queue);
    const sendOptions: SendOptions = {};
    if (options.startAfter !== undefined) sendOptions.startAfter = options.startAfter;
    if (options.singletonKey !== undefined) {
      // A standard queue ignores a bare singletonKey; one time slot spanning decades makes
      // pg-boss's unique (name, slot, key) index refuse every duplicate while the job is kept.
      sendOptions.singletonKey = options.singletonKey;
      sendOptions.singletonSeconds = SINGLETON_SLOT_SECONDS;
    }
    if (options.retryLimit !== undefined) sendOptions.retryLimit = options.retryLimit;
    if (options.retryDelaySeconds !== undefined) sendOptions.retryDelay = options.retryDelaySeconds;
    if (options.retryBackoff !== undefined) sendOptions.retryBackoff = options.retryBackoff;
    if (options.retryDelayMaxSeconds !== undefined) sendOptions.retryDelayMax = options.retryDelayMaxSeconds;
    if (options.heartbeatSeconds !== undefined) sendOptions.heartbeatSeconds = options.heartbeatSeconds;
    const db = manager ? transactionDb(manager) : undefined;
    if (db) sendOptions.db = db;
    return boss.send(queue, data, sendOptions);
  }

  /**
   * Adds several jobs to `queue` in one statement (a burst of notifications queues its mail
   * without a statement per recipient), in the caller's transaction like `send`. A job whose
   * `singletonKey` matches a kept job is skipped.
   */
  async sendMany(
    manager: EntityManager | null,
    queue: string,
    jobs: readonly { data: object; options?: JobSendOptions }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.queue(queue);
    const inserts: JobInsert[] = jobs.map(({ data, options = {} }) => ({
      data,
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey !== undefined
        ? { singletonKey: options.singletonKey, singletonSeconds: SINGLETON_SLOT_SECONDS }
        : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
      ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
      ...(options.retryDelayMaxSeconds !== undefined ? { retryDelayMax: options.retryDelayMaxSeconds } : {}),
      ...(options.heartbeatSeconds !== undefined ? { heartbeatSeconds: options.heartbeatSeconds } : {}),
    }));
    const db = manager ? transactionDb(manager) : undefined;
    await boss.insert(queue, inserts, db ? { db } : {});
  }

  /**
   * Runs `handler` for each job of `queue` on this instance. A handler that throws fails its job,
   * which pg-boss retries as the job's retry options say; one that returns completes it.
   */
  async work<T extends object>(
    queue: string,
    handler: (job: JobOf<T>) => Promise<void>,
    options: JobWorkOptions = {},
  ): Promise<void> {
    const boss = await this.queue(queue);
    const batchSize = Math.max(1, options.batchSize ?? 1);
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? this.config.jobs.pollingIntervalSeconds;
    const run = async (job: { id: string; data: T }): Promise<void> => {
      try {
        await handler({ id: job.id, data: job.data });
      } catch (err) {
        this.logger.warn(`Job ${queue}/${job.id} failed: ${(err as Error)?.message ?? String(err)}`);
        throw err;
      }
    };
    const localConcurrency = Math.max(1, options.concurrency ?? 1);
    if (batchSize === 1) {
      await boss.work<T>(queue, { batchSize, pollingIntervalSeconds, localConcurrency }, async ([job]) => run(job));
      return;
    }
    // A full batch means more are waiting: fetch again at once instead of sleeping a polling
    // interval (without it a burst of 2,000 mails drains at batchSize per interval).
    const workOptions = { batchSize, pollingIntervalSeconds, localConcurrency, burstWhenBatchFull: true };
    await boss.work<T>(queue, { ...workOptions, perJobResults: true }, async (jobs) => {
      const settled = await Promise.allSettled(jobs.map(run));
      return settled.map((result, i): JobResult =>
        result.status === 'fulfilled'
          ? { id: jobs[i].id, status: 'completed' }
          : { id: jobs[i].id, status: 'failed', output: { message: String((result.reason as Error)?.message) } },
      );
    });
  }

  /**
   * Sends a job to `queue` on a cron schedule (UTC), once per occurrence however many instances
   * run. Scheduling the same queue again replaces its cron and data.
   */
  async schedule(queue: string, cron: string, data: object = {}): Promise<void> {
    const boss = await this.queue(queue);
    await boss.schedule(queue, cron, data, { tz: 'UTC' });
  }

  /** The started pg-boss with `queue` created (once per process; createQueue is idempotent). */
  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.started();
    let created = this.queues.get(name);
    if (!created) {
      created = boss.createQueue(name);
      this.queues.set(name, created);
      created.catch(() => this.queues.delete(name));
    }
    await created;
    return boss;
  }

  private started(): Promise<PgBoss> {
    if (this.stopped) return Promise.reject(new Error('The job queue has stopped'));
    if (!this.starting) {
      this.starting = this.start();
      this.starting.catch(() => (this.starting = null));
    }
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const options = this.dataSource.options as { url?: string; extra?: Record<string, unknown> };
    const boss = new PgBoss({
      connectionString: options.url,
      schema: JOBS_SCHEMA,
      application_name: `${String(options.extra?.['application_name'] ?? 'twinning')}-jobs`,
      max: 4,
      connectionTimeoutMillis: 5_000,
    });
    // Without listeners an 'error' event would throw: a PostgreSQL restart must not end the process.
    boss.on('error', (err) => this.logger.error(`Job queue: ${err.message}`));
    boss.on('warning', (warning) => this.logger.warn(`Job queue: ${warning.message}`));
    await boss.start();
    this.boss = boss;
    return boss;
  }
}
