import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Ack, WorkshopMessageDto } from '@twinning/contracts';
import request from 'supertest';
import { AccessTokenService } from '../src/auth/access-token.service';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { JobsService } from '../src/jobs/jobs.service';
import { prepareDatabase } from '../src/prepare-database';
import { bootApp, type TestApp } from './support/test-app';
import { TEST_DATA_DIR } from './support/test-database';
import { connectRoom, type RoomSocket } from './support/workshops';

/**
 * The app keeps running through a database restart: requests and room messages fail with 503
 * meanwhile, then recover.
 */
describe('database outage', () => {
  const dataDir = path.join(TEST_DATA_DIR, `outage-${process.pid}`, 'postgres');
  let pg: EmbeddedPostgres;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    pg = new EmbeddedPostgres({ dataDir, port: 54343, database: 'twinning', log: () => undefined });
    const url = await pg.start();
    await prepareDatabase(url, { seed: true, log: () => undefined });
    t = await bootApp({}, { databaseUrl: url, listen: true });
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

  it('keeps a live room through a restart: sends are refused with 503 meanwhile, then numbered on without a gap', async () => {
    // the demo's live workshop and one of its registered participants
    const [{ workshop_id: workshopId, user_id: userId }]: { workshop_id: string; user_id: string }[] =
      await t.dataSource.query(
        `SELECT a.workshop_id, a.user_id FROM workshop_attendees a
           JOIN workshops w ON w.id = a.workshop_id JOIN users u ON u.id = a.user_id
          WHERE w.status = 'live' AND u.email = 'official.toronto@twinning.demo'`,
      );
    const socket: RoomSocket = await connectRoom(t.url, t.app.get(AccessTokenService).sign(userId));
    const send = (clientId: string) =>
      socket
        .timeout(10_000)
        .emitWithAck('message.send', { workshopId, clientId, body: `outage test ${clientId}` }) as Promise<
        Ack<{ message: WorkshopMessageDto }>
      >;
    try {
      const joined = await socket.timeout(10_000).emitWithAck('workshop.join', { workshopId });
      expect(joined).toMatchObject({ ok: true });
      const first = await send('before-outage');
      if (!first.ok) throw new Error(first.error.message);

      await pg.stop();
      expect(await send('during-outage')).toEqual({
        ok: false,
        error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) },
      });
      expect(socket.connected).toBe(true);

      await pg.start();
      let after: Ack<{ message: WorkshopMessageDto }> | null = null;
      for (let i = 0; i < 50 && !after?.ok; i++) {
        after = await send('after-outage'); // the same clientId each time: a retry, never a duplicate
        if (!after.ok) await new Promise((r) => setTimeout(r, 200));
      }
      if (!after?.ok) throw new Error(`no send after the restart: ${JSON.stringify(after)}`);
      expect(after.message.seq).toBe(first.message.seq + 1); // the refused send took no number
      const stored: { client_id: string }[] = await t.dataSource.query(
        `SELECT client_id FROM workshop_messages WHERE workshop_id = $1 AND client_id LIKE '%-outage' ORDER BY seq`,
        [workshopId],
      );
      expect(stored.map((m) => m.client_id)).toEqual(['before-outage', 'after-outage']);
    } finally {
      socket.close();
    }
  });

  it('keeps the job queue working through a restart: its workers poll on and run the next job', async () => {
    const jobs = t.app.get(JobsService);
    const seen: string[] = [];
    await jobs.work<{ n: string }>('test.outage', async (job) => {
      seen.push(job.data.n);
    });
    await jobs.send(null, 'test.outage', { n: 'before' });
    for (let i = 0; i < 100 && seen.length < 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(['before']);

    await pg.stop();
    await new Promise((r) => setTimeout(r, 1_500)); // a few polls (0.5 s in tests) fail meanwhile
    await pg.start();

    let sent: string | null = null;
    for (let i = 0; i < 50 && !sent; i++) {
      sent = await jobs.send(null, 'test.outage', { n: 'after' }).catch(() => null);
      if (!sent) await new Promise((r) => setTimeout(r, 200));
    }
    expect(sent).toEqual(expect.any(String));
    for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(['before', 'after']);
  });
});
