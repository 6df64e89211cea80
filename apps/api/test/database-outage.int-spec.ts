import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareDatabase } from '../src/database/prepare-database';
import { bootApp, type TestApp } from './support/test-app';
import { TEST_DATA_DIR } from './support/test-database';

/** The app keeps running through a database restart: requests fail with 503 meanwhile, then recover. */
describe('database outage', () => {
  const dataDir = path.join(TEST_DATA_DIR, `outage-${process.pid}`, 'postgres');
  let pg: EmbeddedPostgres;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    pg = new EmbeddedPostgres({ dataDir, port: 54343, database: 'twinning', log: () => undefined });
    const url = await pg.start();
    await prepareDatabase(url, { seed: true, log: () => undefined });
    t = await bootApp({}, { databaseUrl: url });
  });
  afterAll(async () => {
    await t?.close();
    await pg?.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down and recovers when it is back, without crashing', async () => {
    const before = await http().get('/api/cities?limit=5').expect(200);
    expect(before.body.items).toHaveLength(5);

    await pg.stop();
    const down = await http().get('/api/cities?limit=5').expect(503);
    expect(down.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    expect(down.headers['retry-after']).toBeDefined();
    const notReady = await http().get('/api/ready').expect(503);
    expect(notReady.body.code).toBe('SERVICE_UNAVAILABLE');
    await http().get('/api/health').expect(200);

    await pg.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await http().get('/api/cities?limit=5')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    await http().get('/api/ready').expect(200);
  });
});
