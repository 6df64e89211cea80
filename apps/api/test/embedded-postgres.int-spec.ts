import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { TEST_DATA_DIR } from './support/test-database';

async function canQuery(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL lifecycle', () => {
  const dataDir = path.join(TEST_DATA_DIR, `lifecycle-${process.pid}`, 'postgres');
  const logs: string[] = [];
  const make = () => new EmbeddedPostgres({ dataDir, port: 54341, database: 'twinning', log: (m) => logs.push(m) });
  const started: EmbeddedPostgres[] = [];

  afterAll(async () => {
    for (const pg of started) await pg.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('initialises a data folder on first start and serves the database', async () => {
    const pg = make();
    started.push(pg);
    const url = await pg.start();
    expect(await canQuery(url)).toBe(true);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(logs.join('\n')).toMatch(/first start/);
  });

  it('recovers when a killed app left its PostgreSQL running, with a clear message', async () => {
    // The previous test's server is still running, as after `kill -9` of the app: a new start must take over.
    logs.length = 0;
    const pg = make();
    started.push(pg);
    const url = await pg.start();
    expect(await canQuery(url)).toBe(true);
    expect(logs.join('\n')).toMatch(/left running by a previous run that did not shut down cleanly/);
  });

  it('recovers from a stale postmaster.pid whose process is gone', async () => {
    await started.at(-1)?.stop();
    writeFileSync(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    logs.length = 0;
    const pg = make();
    started.push(pg);
    const url = await pg.start();
    expect(await canQuery(url)).toBe(true);
    expect(logs.join('\n')).toMatch(/Removing a stale lock file/);
  });

  it('stops cleanly and leaves no lock behind', async () => {
    const pg = started[started.length - 1];
    await pg.stop();
    expect(pg.running).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('runs from a checkout inside a 0700 folder (as root, the data moves where PostgreSQL’s user can reach it)', async () => {
    const privateDir = mkdtempSync(path.join(os.tmpdir(), 'twinning-private-'));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    logs.length = 0;
    const pg = new EmbeddedPostgres({
      dataDir: path.join(privateDir, '.data', 'postgres'),
      port: 54342,
      database: 'twinning',
      log: (m) => logs.push(m),
    });
    started.push(pg);
    try {
      const url = await pg.start();
      expect(await canQuery(url)).toBe(true);
      if (process.getuid?.() === 0) expect(logs.join('\n')).toMatch(/cannot enter/);
      else expect(existsSync(path.join(privateDir, '.data', 'postgres', 'PG_VERSION'))).toBe(true);
    } finally {
      await pg.stop();
      rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
