import { JobsService } from '../src/jobs/jobs.service';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The pg-boss queue: jobs written in the caller's transaction, singleton keys, two instances. */
describe('job queue', () => {
  let a: TestApp;
  let b: TestApp;
  const queue = `test.jobs.${process.pid}`;

  beforeAll(async () => {
    a = await bootApp();
    await resetDatabase(a.dataSource);
    b = await bootApp();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('writes a job in the caller transaction: rolled back, it never runs; committed, it runs once', async () => {
    const seen: string[] = [];
    const jobs = a.app.get(JobsService);
    await jobs.work<{ n: string }>(`${queue}.tx`, async (job) => {
      seen.push(job.data.n);
    });
    await a.dataSource
      .transaction(async (manager) => {
        await jobs.send(manager, `${queue}.tx`, { n: 'rolled-back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await a.dataSource.transaction(async (manager) => {
      const id = await jobs.send(manager, `${queue}.tx`, { n: 'committed' });
      expect(id).toEqual(expect.any(String));
    });
    await waitFor(
      () => seen.length,
      (n) => n >= 1,
    );
    // a later job proves the worker kept polling past the rolled-back one
    await jobs.send(null, `${queue}.tx`, { n: 'later' });
    await waitFor(
      () => seen.length,
      (n) => n >= 2,
    );
    expect(seen).toEqual(['committed', 'later']);
  });

  it('refuses a second job with the same singleton key, from either instance', async () => {
    const first = await a.app
      .get(JobsService)
      .send(null, `${queue}.single`, {}, { singletonKey: 'k1', startAfter: 3600 });
    const second = await b.app.get(JobsService).send(null, `${queue}.single`, {}, { singletonKey: 'k1' });
    const other = await b.app
      .get(JobsService)
      .send(null, `${queue}.single`, {}, { singletonKey: 'k2', startAfter: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
  });

  it('runs each job once when two instances work the same queue, and retries a failed one', async () => {
    const runs = new Map<number, number>();
    let failedOnce = false;
    const handler = async (job: { data: { n: number } }) => {
      if (job.data.n === 0 && !failedOnce) {
        failedOnce = true;
        throw new Error('temporary');
      }
      runs.set(job.data.n, (runs.get(job.data.n) ?? 0) + 1);
    };
    await a.app.get(JobsService).work(`${queue}.shared`, handler, { batchSize: 5 });
    await b.app.get(JobsService).work(`${queue}.shared`, handler);
    for (let n = 0; n < 20; n++) {
      await (n % 2 ? a : b).app
        .get(JobsService)
        .send(null, `${queue}.shared`, { n }, { retryLimit: 3, retryDelaySeconds: 1 });
    }
    await waitFor(
      () => runs.size,
      (size) => size === 20,
      20_000,
    );
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(failedOnce).toBe(true);
  });

  it('keeps one schedule per queue however many instances declare it', async () => {
    await a.app.get(JobsService).schedule(`${queue}.cron`, '0 8 * * *', { period: 'daily' });
    await b.app.get(JobsService).schedule(`${queue}.cron`, '0 8 * * *', { period: 'daily' });
    const rows: { cron: string; data: unknown }[] = await a.dataSource.query(
      `SELECT cron, data FROM pgboss.schedule WHERE name = $1`,
      [`${queue}.cron`],
    );
    expect(rows).toEqual([{ cron: '0 8 * * *', data: { period: 'daily' } }]);
  });
});
