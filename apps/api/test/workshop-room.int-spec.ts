import {
  WORKSHOP_LIMITS,
  type Ack,
  type ApiError,
  type WorkshopClientEvents,
  type WorkshopJoinResult,
} from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { PreparedStatements } from '../src/database/prepared-statements';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, testDatabaseUrl, type TestApp } from './support/test-app';
import {
  collect,
  connectRoom,
  createWorkshop,
  nextEvent,
  waitUntil,
  type RoomSocket,
  type TestWorkshop,
} from './support/workshops';

type ClientEvent = keyof WorkshopClientEvents;
type Payload<E extends ClientEvent> = Parameters<WorkshopClientEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<Parameters<WorkshopClientEvents[E]>[1]>[0];

const ACK_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function ok<T extends object>(res: Ack<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
  return res;
}

function failure(res: Ack<object>): ApiError {
  if (res.ok) throw new Error(`expected an error, got ${JSON.stringify(res)}`);
  return res.error;
}

/** Sends a typed event and waits for its ack. */
function call<E extends ClientEvent>(socket: RoomSocket, event: E, payload: Payload<E>): Promise<AckOf<E>> {
  return (socket as unknown as Socket).timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<AckOf<E>>;
}

/** Sends anything at all (bad payloads, unknown events). */
function raw(socket: RoomSocket, event: string, ...args: unknown[]): Promise<Ack<object>> {
  return (socket as unknown as Socket).timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args);
}

describe('workshop room (/workshops)', () => {
  let t: TestApp;
  const sockets: RoomSocket[] = [];

  const connect = async (user: TestUser) => {
    const socket = await connectRoom(t.url, user);
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: RoomSocket, workshopId: string, afterSeq?: number): Promise<WorkshopJoinResult> =>
    ok(await call(socket, 'workshop.join', afterSeq === undefined ? { workshopId } : { workshopId, afterSeq }));
  const send = (socket: RoomSocket, workshopId: string, body: string, clientId: string = randomUUID()) =>
    call(socket, 'message.send', { workshopId, clientId, body });
  const sent = async (socket: RoomSocket, workshopId: string, body: string, clientId?: string) =>
    ok(await send(socket, workshopId, body, clientId)).message;

  /** A live public workshop, its facilitator and participants, all connected and joined. */
  async function room(participants = 2, opts: Omit<Parameters<typeof createWorkshop>[1], 'facilitator'> = {}) {
    const facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fatima Facilitator' });
    const workshop = await createWorkshop(t, { facilitator, ...opts });
    const f = await connect(facilitator);
    await join(f, workshop.id);
    const users: TestUser[] = [];
    const ps: RoomSocket[] = [];
    for (let i = 0; i < participants; i++) {
      const user = await createUser(t, { displayName: `Participant ${i + 1}` });
      const socket = await connect(user);
      await join(socket, workshop.id);
      users.push(user);
      ps.push(socket);
    }
    return { workshop, facilitator, f, users, ps };
  }

  /** Messages inserted directly (numbered 1..count), for paging tests. */
  async function seedMessages(workshop: TestWorkshop, author: TestUser, count: number) {
    await t.dataSource.query(
      `INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html)
       SELECT $1, s, $2, 'seed-' || s, 'message ' || s, '<p>message ' || s || '</p>' FROM generate_series(1, $3::int) s`,
      [workshop.id, author.id, count],
    );
    await t.dataSource.query(`UPDATE workshops SET last_seq = $2 WHERE id = $1`, [workshop.id, count]);
  }

  const auditActions = async (workshopId: string): Promise<string[]> =>
    (
      await t.dataSource.query(`SELECT action FROM workshop_audit WHERE workshop_id = $1 ORDER BY created_at, id`, [
        workshopId,
      ])
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await bootApp({ WORKSHOP_MESSAGE_RATE_LIMIT: '100000/1' }, { listen: true });
    await resetDatabase(t.dataSource);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  describe('messages', () => {
    it('numbers messages 1..N without gaps under concurrent senders, and everyone receives all in order', async () => {
      const { workshop, f, ps } = await room(6);
      const received = [f, ...ps].map((s) => collect(s, 'message.created'));
      const acks = await Promise.all(
        ps.flatMap((socket, c) => range(1, 30).map((i) => send(socket, workshop.id, `client ${c} message ${i}`))),
      );
      const seqs = acks.map((a) => ok(a).message.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(range(1, 180));

      const [db] = await t.dataSource.query(
        `SELECT count(*)::int AS count, array_agg(seq ORDER BY seq) AS seqs,
                (SELECT last_seq FROM workshops WHERE id = $1) AS last_seq
           FROM workshop_messages WHERE workshop_id = $1`,
        [workshop.id],
      );
      expect(db).toEqual({ count: 180, seqs: range(1, 180), last_seq: 180 });

      await waitUntil('every client to receive 180 messages', () => received.every((r) => r.length >= 180), 15_000);
      for (const messages of received) {
        expect(messages.map((m) => m.seq)).toEqual(range(1, 180));
      }
      // the broadcast is the stored message, as acknowledged to its sender
      const byId = new Map(acks.map((a) => [ok(a).message.id, ok(a).message]));
      for (const message of received[0]) expect(message).toEqual(byId.get(message.id));
    });

    it('sends the author’s text unchanged with rendered, sanitised HTML beside it', async () => {
      const { workshop, ps } = await room(1);
      const body = '  **Bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)';
      const message = await sent(ps[0], workshop.id, body, 'md-1');
      expect(message).toMatchObject({ body, clientId: 'md-1', deletedAt: null, pinned: false });
      expect(message.bodyHtml).toContain('<strong>Bold</strong>');
      expect(message.bodyHtml).not.toContain('<script');
      expect(message.bodyHtml).not.toContain('href="javascript');
      expect(message.bodyHtml).toContain('<a href="https://example.org" rel="noopener nofollow ugc">ok</a>');
    });

    it('answers a retried clientId with the same message, stored once, and keeps another author’s clientId apart', async () => {
      const { workshop, f, ps, users } = await room(2);
      const seen = collect(f, 'message.created');
      const first = await sent(ps[0], workshop.id, 'Hello', 'retry-1');
      const again = await sent(ps[0], workshop.id, 'Hello (resent)', 'retry-1');
      expect(again).toEqual(first);
      // concurrent retries too
      const [a, b] = await Promise.all([
        sent(ps[0], workshop.id, 'Twice', 'retry-2'),
        sent(ps[0], workshop.id, 'Twice', 'retry-2'),
      ]);
      expect(a).toEqual(b);
      const other = await sent(ps[1], workshop.id, 'Mine', 'retry-1');
      expect(other.id).not.toBe(first.id);
      expect(other).toMatchObject({ body: 'Mine', author: { id: users[1].id }, seq: 3 });
      const marker = await sent(ps[1], workshop.id, 'marker');
      await waitUntil('the marker to arrive', () => seen.some((m) => m.id === marker.id));

      // a retry broadcasts the stored message again (its first broadcast may have died with an
      // instance); every copy is the same message, so clients keep one per seq
      const bySeq = new Map(seen.map((m) => [m.seq, m]));
      expect([...bySeq.values()].map((m) => [m.seq, m.clientId])).toEqual([
        [1, 'retry-1'],
        [2, 'retry-2'],
        [3, 'retry-1'],
        [4, marker.clientId],
      ]);
      expect(seen.filter((m) => m.seq === 1)).toEqual([first, first]);
      for (const copy of seen) expect(copy).toEqual(bySeq.get(copy.seq));
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM workshop_messages WHERE workshop_id = $1`,
        [workshop.id],
      );
      expect(count).toBe(4);
    });

    it('replays exactly the missed messages to a participant who rejoins with afterSeq', async () => {
      const { workshop, users, ps } = await room(2);
      await sent(ps[1], workshop.id, 'one');
      const lastSeen = await sent(ps[0], workshop.id, 'two');
      ps[0].disconnect();
      const missed = [];
      for (const body of ['three', 'four', 'five']) missed.push(await sent(ps[1], workshop.id, body));
      const back = await connect(users[0]);
      const result = await join(back, workshop.id, lastSeen.seq);
      expect(result.messages).toEqual(missed);
      expect(result.messages.map((m) => m.seq)).toEqual([3, 4, 5]);
      expect(result).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false, state: { lastSeq: 5 } });
      // and live again
      const live = nextEvent(back, 'message.created');
      const six = await sent(ps[1], workshop.id, 'six');
      expect(await live).toEqual(six);
    });

    it('serves the latest page on join, pages backwards with history.before, and caps a replay', async () => {
      const { workshop, facilitator, users } = await room(1);
      await seedMessages(workshop, facilitator, WORKSHOP_LIMITS.replayMax + 20);
      const socket = await connect(users[0]);
      const latest = await join(socket, workshop.id);
      const total = WORKSHOP_LIMITS.replayMax + 20;
      const page = WORKSHOP_LIMITS.historyPageDefault;
      expect(latest.messages.map((m) => m.seq)).toEqual(range(total - page + 1, total));
      expect(latest).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });

      const older = ok(await call(socket, 'history.before', { workshopId: workshop.id, beforeSeq: 31, limit: 20 }));
      expect(older.messages.map((m) => m.seq)).toEqual(range(11, 30));
      expect(older.hasMoreBefore).toBe(true);
      const oldest = ok(await call(socket, 'history.before', { workshopId: workshop.id, beforeSeq: 11 }));
      expect(oldest.messages.map((m) => m.seq)).toEqual(range(1, 10));
      expect(oldest.hasMoreBefore).toBe(false);

      const replay = await join(socket, workshop.id, 0);
      expect(replay.messages).toHaveLength(WORKSHOP_LIMITS.replayMax);
      expect(replay.messages[0].seq).toBe(1);
      expect(replay).toMatchObject({ hasMoreAfter: true, hasMoreBefore: false });
    });

    it('uses one SQL statement for a successful message.send', async () => {
      const { workshop, ps } = await room(1);
      await sent(ps[0], workshop.id, 'warm up');
      const { result, queries } = await t.queries.measure(() => send(ps[0], workshop.id, 'counted'));
      expect(ok(result).message.body).toBe('counted');
      expect(queries).toBe(1);
    });

    /**
     * Holds the workshop row's lock from another connection while `sends` are emitted: the first
     * statement (the sends read in one event-loop turn) blocks on it, every other send queues behind it in memory; then
     * the lock goes and the queue is written as one batch. Returns the acks (in emit order) and
     * how many statements the app ran meanwhile.
     */
    async function whileRoomBusy<T>(workshopId: string, sends: () => Promise<T>[]) {
      const holder = new Client({ connectionString: testDatabaseUrl() });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
        const before = t.queries.count;
        const acks = Promise.all(sends());
        // pg_stat_activity is read once per transaction unless the snapshot is cleared
        const blocked = async () =>
          (
            await holder
              .query('SELECT pg_stat_clear_snapshot()')
              .then(() =>
                holder.query(
                  `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
                ),
              )
          ).rows[0].n as number;
        for (let i = 0; (await blocked()) === 0; i++) {
          if (i > 100) throw new Error('no send blocked on the workshop row');
          await sleep(20);
        }
        await sleep(300); // the other sends reach the room's queue
        await holder.query('COMMIT');
        const result = await acks;
        return { acks: result, queries: t.queries.count - before };
      } finally {
        await holder.end();
      }
    }

    it('writes concurrent sends to one room in fewer statements, numbered 1..N, each sender acked with its own', async () => {
      const { workshop, f, ps } = await room(6);
      const received = collect(f, 'message.created');
      const { acks, queries } = await whileRoomBusy(workshop.id, () =>
        ps.flatMap((socket, c) => range(1, 2).map((i) => send(socket, workshop.id, `client ${c} message ${i}`))),
      );
      // the sends read in one event-loop turn share a statement; the rest queue behind the locked row
      expect(queries).toBeLessThanOrEqual(2);
      const messages = acks.map((a) => ok(a).message);
      expect(messages.map((m) => m.seq).sort((a, b) => a - b)).toEqual(range(1, 12));
      messages.forEach((m, n) => expect(m.body).toBe(`client ${Math.floor(n / 2)} message ${(n % 2) + 1}`));
      await waitUntil('the facilitator to receive 12 messages', () => received.length >= 12);
      expect(received.map((m) => m.seq)).toEqual(range(1, 12));
      const [{ last_seq }] = await t.dataSource.query(`SELECT last_seq FROM workshops WHERE id = $1`, [workshop.id]);
      expect(last_seq).toBe(12);
    });

    it('runs the send statements prepared, with a generic plan: parsed and planned once per connection', async () => {
      const { workshop, ps } = await room(3);
      await sent(ps[0], workshop.id, 'alone'); // the single statement
      for (const round of [1, 2]) {
        // the first send(s) block on the row, the others queue: at least one batch statement
        await whileRoomBusy(workshop.id, () => ps.map((socket, i) => send(socket, workshop.id, `r${round} c${i}`)));
      }
      const prepared = t.app.get(PreparedStatements);
      const probe = {
        name: 'test_prepared_plans',
        text: `SELECT name, generic_plans, custom_plans, current_setting('plan_cache_mode') AS mode
                 FROM pg_prepared_statements`,
      };
      // as many probes at once as the pool has connections (two write slots by default): each lands on its own
      const rows = (
        await Promise.all(
          [1, 2].map(() =>
            prepared.query<{ name: string; generic_plans: string; custom_plans: string; mode: string }>(probe, []),
          ),
        )
      ).flat();
      expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(['force_generic_plan']));
      const sends = rows.filter((r) => r.name.startsWith('workshop_send_'));
      expect(new Set(sends.map((r) => r.name))).toEqual(new Set(['workshop_send_one', 'workshop_send_batch']));
      for (const r of sends) expect(Number(r.custom_plans)).toBe(0);
      expect(sends.reduce((n, r) => n + Number(r.generic_plans), 0)).toBeGreaterThanOrEqual(3);
    });

    it('re-runs a batch one by one when another instance stored one of its clientIds meanwhile', async () => {
      const { workshop, f, ps, users } = await room(3);
      const received = collect(f, 'message.created');
      const [first, second] = [testDatabaseUrl(), testDatabaseUrl()].map(
        (url) => new Client({ connectionString: url }),
      );
      await Promise.all([first.connect(), second.connect()]);
      /** Waits until a statement whose text contains `marker` waits for a lock. */
      const waiting = async (marker: string) => {
        for (let i = 0; ; i++) {
          await first.query('SELECT pg_stat_clear_snapshot()'); // else read once per transaction
          const { rows } = await first.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()
                AND position($1 in query) > 0`,
            [marker],
          );
          if (rows.length > 0) return;
          if (i > 150) throw new Error(`no statement with ${marker} waits for a lock`);
          await sleep(20);
        }
      };
      try {
        await first.query('BEGIN');
        await first.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshop.id]);
        const alone = send(ps[0], workshop.id, 'alone');
        await waiting('numbered AS');
        const queued = [send(ps[1], workshop.id, 'queued', 'taken-1'), send(ps[2], workshop.id, 'queued too')];
        await sleep(300);
        // next in line after the lone send: holds the row while the batch statement waits for it
        await second.query('BEGIN');
        const secondLocked = second.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshop.id]);
        await waiting('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE');
        await first.query('COMMIT');
        await secondLocked;
        await waiting('unnest(');
        // what another instance's single path writes: the same author and clientId
        await second.query(
          `WITH n AS (UPDATE workshops SET last_seq = last_seq + 1 WHERE id = $1 RETURNING id, last_seq)
           INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html)
           SELECT id, last_seq, $2, 'taken-1', 'from elsewhere', '<p>from elsewhere</p>' FROM n`,
          [workshop.id, users[1].id],
        );
        await second.query('COMMIT');
        const [one, taken, other] = await Promise.all([alone, ...queued]);
        expect(ok(one).message.seq).toBe(1);
        expect(ok(taken).message).toMatchObject({ seq: 2, body: 'from elsewhere', author: { id: users[1].id } });
        expect(ok(other).message).toMatchObject({ seq: 3, body: 'queued too', author: { id: users[2].id } });
        await waitUntil('the facilitator to receive seq 3', () => received.some((m) => m.seq === 3));
        // seq 2 came from the other instance; answering its retry here broadcasts it again, in order
        expect(received.map((m) => m.seq)).toEqual([1, 2, 3]);
        const [db] = await t.dataSource.query(
          `SELECT count(*)::int AS count, (SELECT last_seq FROM workshops WHERE id = $1) AS last_seq
             FROM workshop_messages WHERE workshop_id = $1`,
          [workshop.id],
        );
        expect(db).toEqual({ count: 3, last_seq: 3 });
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
    });

    it('answers each send of a mixed batch rightly: muted, slow mode, retried clientId, repeated in the batch', async () => {
      const { workshop, f, ps, users, facilitator } = await room(5);
      const received = collect(f, 'message.created');
      const stored = await sent(ps[2], workshop.id, 'stored before', 'again-1');
      ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: users[1].id, minutes: 5 }));

      const first = await whileRoomBusy(workshop.id, () => [
        send(f, workshop.id, 'lead', 'lead-1'),
        send(f, workshop.id, 'facilitator'),
        send(ps[0], workshop.id, 'participant'),
        send(ps[1], workshop.id, 'muted'),
        send(ps[3], workshop.id, 'twice', 'twice-1'),
        send(ps[3], workshop.id, 'twice', 'twice-1'),
        send(ps[0], workshop.id, 'lead (not the facilitator’s)', 'lead-1'),
      ]);
      // the first alone, then one batch; then the muted send (3 statements: why it was refused) and
      // the repeat (2: the stored message) one by one. Each send on its own would take 10.
      expect(first.queries).toBeLessThanOrEqual(7);
      const [lead, byF, byP0, muted, twiceA, twiceB, otherLead] = first.acks;
      expect(ok(lead).message).toMatchObject({ body: 'lead', author: { id: facilitator.id }, clientId: 'lead-1' });
      expect(ok(byF).message).toMatchObject({ body: 'facilitator', author: { id: facilitator.id } });
      expect(ok(byP0).message).toMatchObject({ body: 'participant', author: { id: users[0].id } });
      expect(failure(muted).code).toBe('MUTED');
      expect(ok(twiceA).message).toMatchObject({ body: 'twice', author: { id: users[3].id }, clientId: 'twice-1' });
      expect(ok(twiceB).message).toEqual(ok(twiceA).message);
      expect(ok(otherLead).message).toMatchObject({ author: { id: users[0].id }, clientId: 'lead-1' });
      const written = [lead, byF, byP0, twiceA, otherLead].map((a) => ok(a).message.seq);
      expect([...written].sort((a, b) => a - b)).toEqual(range(2, 6));

      // a retried clientId in a batch: the stored message, not a new one (the batch goes one by one)
      const third = await whileRoomBusy(workshop.id, () => [
        send(f, workshop.id, 'before the retry'),
        send(ps[2], workshop.id, 'stored before (resent)', 'again-1'),
        send(f, workshop.id, 'after the retry'),
      ]);
      expect(ok(third.acks[1]).message).toEqual(stored);
      const around = [third.acks[0], third.acks[2]].map((a) => ok(a).message.seq);
      expect(around).toEqual([7, 8]);

      // slow mode: a participant who just spoke waits; one who has not spoken yet and facilitators write
      ok(await call(f, 'room.update', { workshopId: workshop.id, slowModeSeconds: 30 }));
      const second = await whileRoomBusy(workshop.id, () => [
        send(f, workshop.id, 'first under slow mode'),
        send(ps[0], workshop.id, 'too soon'),
        send(f, workshop.id, 'facilitator again'),
        send(ps[4], workshop.id, 'my first'),
        send(ps[4], workshop.id, 'my second'),
      ]);
      const [slowF1, tooSoon, slowF2, p4First, p4Second] = second.acks;
      expect(failure(tooSoon).code).toBe('SLOW_MODE');
      expect(ok(p4First).message).toMatchObject({ body: 'my first', author: { id: users[4].id } });
      expect(failure(p4Second).code).toBe('SLOW_MODE');
      expect(ok(slowF1).message.seq).toBeLessThan(ok(slowF2).message.seq);
      const slowSeqs = [slowF1, slowF2, p4First].map((a) => ok(a).message.seq);
      expect(slowSeqs.sort((a, b) => a - b)).toEqual(range(9, 11));

      await waitUntil('the facilitator to receive 11 messages', () => new Set(received.map((m) => m.seq)).size >= 11);
      // retries are broadcast again (same message, same seq): one per seq is what a client keeps
      expect([...new Set(received.map((m) => m.seq))]).toEqual(range(1, 11));
      const [db] = await t.dataSource.query(
        `SELECT count(*)::int AS count, (SELECT last_seq FROM workshops WHERE id = $1) AS last_seq
           FROM workshop_messages WHERE workshop_id = $1`,
        [workshop.id],
      );
      expect(db).toEqual({ count: 11, last_seq: 11 });
    });
  });

  describe('joining', () => {
    it('answers the join with presence (once per user), state, and tells the room who joined and left', async () => {
      const { workshop, f, facilitator } = await room(0);
      const participant = await createUser(t, { displayName: 'Pat Present' });
      const joined = collect(f, 'presence.joined');
      const left = collect(f, 'presence.left');
      const first = await connect(participant);
      const second = await connect(participant);
      const result = await join(first, workshop.id);
      await join(second, workshop.id);
      expect(result.presence).toHaveLength(2);
      expect(result.presence).toEqual(
        expect.arrayContaining([
          {
            user: {
              id: facilitator.id,
              displayName: 'Fatima Facilitator',
              handle: expect.any(String),
              cities: [],
              role: 'facilitator',
            },
            role: 'facilitator',
          },
          {
            user: {
              id: participant.id,
              displayName: 'Pat Present',
              handle: expect.any(String),
              cities: [],
              role: null,
            },
            role: 'participant',
          },
        ]),
      );
      expect(result.state).toEqual({
        workshopId: workshop.id,
        status: 'live',
        locked: false,
        slowModeSeconds: 0,
        pinned: [],
        lastSeq: 0,
        you: { role: 'participant', mutedUntil: null },
      });
      expect(result.reports).toEqual([]);
      await waitUntil('presence.joined', () => joined.length > 0);
      await sleep(100);
      expect(joined).toEqual([
        { workshopId: workshop.id, user: expect.objectContaining({ id: participant.id }), role: 'participant' },
      ]);

      ok(await call(first, 'workshop.leave', { workshopId: workshop.id }));
      await sleep(100);
      expect(left).toEqual([]); // the second socket is still there
      second.disconnect();
      await waitUntil('presence.left', () => left.length > 0);
      expect(left).toEqual([{ workshopId: workshop.id, userId: participant.id }]);
    });

    it('registers a participant joining a live workshop, and refuses when it is full', async () => {
      const facilitator = await createUser(t, { roles: ['facilitator'] });
      const workshop = await createWorkshop(t, { facilitator, capacity: 1 });
      const [p1, p2] = [await createUser(t), await createUser(t)];
      await join(await connect(p1), workshop.id);
      const [row] = await t.dataSource.query(`SELECT registered_count FROM workshops WHERE id = $1`, [workshop.id]);
      expect(row.registered_count).toBe(1);
      const second = await connect(p2);
      expect(failure(await call(second, 'workshop.join', { workshopId: workshop.id })).code).toBe('WORKSHOP_FULL');
      // facilitators never take a place
      await join(await connect(facilitator), workshop.id);
    });

    it('lets anyone who can see it wait in a scheduled room and read an ended one, but not write', async () => {
      const facilitator = await createUser(t, { roles: ['facilitator'] });
      const scheduled = await createWorkshop(t, { facilitator, status: 'scheduled' });
      const ended = await createWorkshop(t, { facilitator, status: 'ended' });
      await seedMessages(ended, facilitator, 3);
      const socket = await connect(await createUser(t));

      const lobby = await join(socket, scheduled.id);
      expect(lobby.state.status).toBe('scheduled');
      expect(failure(await send(socket, scheduled.id, 'too early')).code).toBe('INVALID_STATE');
      const transcript = await join(socket, ended.id);
      expect(transcript.messages.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3']);
      expect(failure(await send(socket, ended.id, 'too late')).code).toBe('INVALID_STATE');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM workshop_attendees WHERE workshop_id = ANY($1::uuid[])`,
        [[scheduled.id, ended.id]],
      );
      expect(count).toBe(0);
    });

    it('hides a partnership workshop from non-members (NOT_FOUND) and lets members in', async () => {
      const [a, b, c] = [
        await createCity(t.dataSource),
        await createCity(t.dataSource),
        await createCity(t.dataSource),
      ];
      const { partnershipId } = await createPartnershipForum(t.dataSource, [a.id, b.id]);
      const member = await createUser(t);
      const outsider = await createUser(t);
      await addMember(t.dataSource, a.id, member.id);
      await addMember(t.dataSource, c.id, outsider.id);
      const facilitator = await createUser(t, { roles: ['facilitator'] });
      const workshop = await createWorkshop(t, { facilitator, scope: 'partnership', partnershipId });

      const outside = await connect(outsider);
      const refused = failure(await call(outside, 'workshop.join', { workshopId: workshop.id }));
      expect(refused.code).toBe('NOT_FOUND');
      expect(failure(await call(outside, 'history.before', { workshopId: workshop.id, beforeSeq: 5 })).code).toBe(
        'NOT_FOUND',
      );
      expect(failure(await call(outside, 'workshop.join', { workshopId: randomUUID() })).code).toBe('NOT_FOUND');
      await join(await connect(member), workshop.id);
    });

    it('refuses to send before joining', async () => {
      const facilitator = await createUser(t, { roles: ['facilitator'] });
      const workshop = await createWorkshop(t, { facilitator });
      const socket = await connect(await createUser(t));
      expect(failure(await send(socket, workshop.id, 'hi')).code).toBe('NOT_FOUND');
      expect(failure(await call(socket, 'typing.start', { workshopId: workshop.id })).code).toBe('NOT_FOUND');
    });

    it('refuses a handshake from a disallowed Origin', async () => {
      const user = await createUser(t);
      await expect(connectRoom(t.url, user, { Origin: 'https://evil.example' })).rejects.toThrow();
      const allowed = await connectRoom(t.url, user, { Origin: t.config.corsOrigins[0] });
      sockets.push(allowed);
      expect(allowed.connected).toBe(true);
      await expect(connectRoom(t.url, { token: 'garbage' })).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
    });
  });

  describe('moderation', () => {
    it('mutes a participant (MUTED with the time left) and lets them speak again when unmuted', async () => {
      const { workshop, f, ps, users, facilitator } = await room(2);
      const heard = nextEvent(ps[1], 'participant.muted');
      ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: users[0].id, minutes: 5 }));
      const muted = await heard;
      expect(muted).toMatchObject({
        workshopId: workshop.id,
        user: { id: users[0].id, displayName: 'Participant 1' },
        by: { displayName: 'Fatima Facilitator' },
      });
      expect(Date.parse(muted.mutedUntil as string) - Date.now()).toBeGreaterThan(4 * 60_000);

      const refused = failure(await send(ps[0], workshop.id, 'let me talk'));
      expect(refused.code).toBe('MUTED');
      expect(refused.retryAfterSeconds).toBeGreaterThan(240);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(300);
      expect(refused.message).toMatch(/5 minutes/);
      expect(failure(await call(ps[0], 'typing.start', { workshopId: workshop.id })).code).toBe('MUTED');
      expect(failure(await call(ps[0], 'question.ask', { workshopId: workshop.id, body: 'Q?' })).code).toBe('MUTED');
      // the mute shows in the join state, and holds for the user's other sockets
      const again = await connect(users[0]);
      expect((await join(again, workshop.id)).state.you.mutedUntil).toBe(muted.mutedUntil);
      expect(failure(await send(again, workshop.id, 'other tab')).code).toBe('MUTED');
      await sent(ps[1], workshop.id, 'others still talk');

      const lifted = nextEvent(ps[0], 'participant.muted');
      ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: users[0].id, minutes: 0 }));
      expect((await lifted).mutedUntil).toBeNull();
      expect((await sent(ps[0], workshop.id, 'thanks')).body).toBe('thanks');
      // facilitators cannot be muted
      expect(
        failure(await call(f, 'participant.mute', { workshopId: workshop.id, userId: facilitator.id, minutes: 5 }))
          .code,
      ).toBe('FORBIDDEN');
      expect(await auditActions(workshop.id)).toEqual(['participant.muted', 'participant.unmuted']);
    });

    it('removes a participant: out of the room on every socket, no more messages, cannot rejoin', async () => {
      const { workshop, f, ps, users } = await room(2, { capacity: 5 });
      ok(await call(ps[0], 'hand.raise', { workshopId: workshop.id }));
      const removedHeard = nextEvent(ps[0], 'participant.removed');
      const othersHeard = nextEvent(ps[1], 'participant.removed');
      const queue = nextEvent(ps[1], 'hand.queue', (q) => q.hands.length === 0);
      const leftHeard = nextEvent(f, 'presence.left');
      ok(await call(f, 'participant.remove', { workshopId: workshop.id, userId: users[0].id, reason: 'Spam' }));
      for (const event of [await removedHeard, await othersHeard]) {
        expect(event).toEqual({
          workshopId: workshop.id,
          user: { id: users[0].id, displayName: 'Participant 1' },
          by: { id: expect.any(String), displayName: 'Fatima Facilitator' },
        });
      }
      expect((await queue).hands).toEqual([]);
      expect(await leftHeard).toEqual({ workshopId: workshop.id, userId: users[0].id });

      const afterRemoval = collect(ps[0], 'message.created');
      const seenByOther = nextEvent(ps[1], 'message.created');
      await sent(f, workshop.id, 'carry on');
      await seenByOther;
      await sleep(150);
      expect(afterRemoval).toEqual([]);
      expect(failure(await send(ps[0], workshop.id, 'still here?')).code).toBe('NOT_FOUND');
      expect(failure(await call(ps[0], 'workshop.join', { workshopId: workshop.id })).code).toBe('REMOVED');
      const fresh = await connect(users[0]);
      expect(failure(await call(fresh, 'workshop.join', { workshopId: workshop.id })).code).toBe('REMOVED');

      const [attendee] = await t.dataSource.query(
        `SELECT a.registered, a.removed_at IS NOT NULL AS removed, a.removal_reason, w.registered_count
           FROM workshop_attendees a JOIN workshops w ON w.id = a.workshop_id
          WHERE a.workshop_id = $1 AND a.user_id = $2`,
        [workshop.id, users[0].id],
      );
      expect(attendee).toEqual({ registered: false, removed: true, removal_reason: 'Spam', registered_count: 1 });
      expect(await auditActions(workshop.id)).toEqual(['participant.removed']);
    });

    it('removes a participant who never registered without touching the places, once', async () => {
      const { workshop, f, ps, users } = await room(1, { status: 'scheduled', capacity: 3 });
      expect((await join(ps[0], workshop.id)).state.status).toBe('scheduled');
      const removed = nextEvent(ps[0], 'participant.removed');
      ok(await call(f, 'participant.remove', { workshopId: workshop.id, userId: users[0].id }));
      await removed;
      ok(await call(f, 'participant.remove', { workshopId: workshop.id, userId: users[0].id }));
      const [row] = await t.dataSource.query(`SELECT registered_count FROM workshops WHERE id = $1`, [workshop.id]);
      expect(row.registered_count).toBe(0);
      expect(await auditActions(workshop.id)).toEqual(['participant.removed']);
      expect(failure(await call(ps[0], 'workshop.join', { workshopId: workshop.id })).code).toBe('REMOVED');
    });

    it('refuses a removed participant’s message in the database policy too (REMOVED)', async () => {
      const { workshop, ps, users } = await room(1);
      // removal by another path while this socket is still in the room
      await t.dataSource.query(
        `UPDATE workshop_attendees SET removed_at = now() WHERE workshop_id = $1 AND user_id = $2`,
        [workshop.id, users[0].id],
      );
      expect(failure(await send(ps[0], workshop.id, 'sneaky')).code).toBe('REMOVED');
    });

    it('enforces slow mode for participants only', async () => {
      const { workshop, f, ps } = await room(1);
      const updated = nextEvent(ps[0], 'room.updated');
      const state = ok(await call(f, 'room.update', { workshopId: workshop.id, slowModeSeconds: 30 })).state;
      expect(state).toMatchObject({ slowModeSeconds: 30, locked: false, you: { role: 'facilitator' } });
      expect(await updated).toMatchObject({ workshopId: workshop.id, slowModeSeconds: 30, locked: false });

      await sent(ps[0], workshop.id, 'first');
      const refused = failure(await send(ps[0], workshop.id, 'second'));
      expect(refused.code).toBe('SLOW_MODE');
      expect(refused.retryAfterSeconds).toBeGreaterThan(25);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
      await sent(f, workshop.id, 'facilitator one');
      await sent(f, workshop.id, 'facilitator two');
      // the refused message took no number
      const [{ last_seq }] = await t.dataSource.query(`SELECT last_seq FROM workshops WHERE id = $1`, [workshop.id]);
      expect(last_seq).toBe(3);
      expect(await auditActions(workshop.id)).toEqual(['room.slow_mode']);
    });

    it('locks the room: read-only for participants, facilitators still write', async () => {
      const { workshop, f, ps } = await room(1);
      ok(await call(f, 'room.update', { workshopId: workshop.id, locked: true }));
      expect(failure(await send(ps[0], workshop.id, 'hello?')).code).toBe('ROOM_LOCKED');
      expect(failure(await call(ps[0], 'typing.start', { workshopId: workshop.id })).code).toBe('ROOM_LOCKED');
      expect(failure(await call(ps[0], 'question.ask', { workshopId: workshop.id, body: 'Q?' })).code).toBe(
        'ROOM_LOCKED',
      );
      await sent(f, workshop.id, 'Listen up');
      expect((await join(ps[0], workshop.id)).state.locked).toBe(true);
      ok(await call(f, 'room.update', { workshopId: workshop.id, locked: false }));
      await sent(ps[0], workshop.id, 'hello!');
      expect(await auditActions(workshop.id)).toEqual(['room.locked', 'room.unlocked']);
    });

    it('deletes a message as a tombstone', async () => {
      const { workshop, f, ps, users } = await room(1);
      const message = await sent(ps[0], workshop.id, 'regrettable');
      const heard = nextEvent(ps[0], 'message.deleted');
      ok(await call(f, 'message.delete', { workshopId: workshop.id, messageId: message.id }));
      const event = await heard;
      expect(event).toEqual({
        workshopId: workshop.id,
        id: message.id,
        seq: message.seq,
        deletedAt: expect.any(String),
        by: { id: expect.any(String), displayName: 'Fatima Facilitator' },
      });
      const later = await join(await connect(users[0]), workshop.id);
      expect(later.messages).toEqual([
        { ...message, body: '', bodyHtml: '', deletedAt: event.deletedAt, pinned: false },
      ]);
      expect(later.tombstones).toEqual([]);
      // someone who was away rejoins after the message they hold: the deletion still reaches them
      const back = await join(await connect(users[0]), workshop.id, message.seq);
      expect(back.messages).toEqual([]);
      expect(back.tombstones).toEqual([{ id: message.id, seq: message.seq, deletedAt: event.deletedAt }]);
      expect(failure(await call(f, 'message.delete', { workshopId: workshop.id, messageId: randomUUID() })).code).toBe(
        'NOT_FOUND',
      );
      expect(await auditActions(workshop.id)).toEqual(['message.deleted']);
    });

    it('pins and unpins messages (state.pinned), up to the limit', async () => {
      const { workshop, f, ps, users } = await room(1);
      const message = await sent(ps[0], workshop.id, 'Agenda: intro, cases, wrap-up');
      const heard = nextEvent(ps[0], 'message.pinned');
      ok(await call(f, 'message.pin', { workshopId: workshop.id, messageId: message.id, pinned: true }));
      expect(await heard).toMatchObject({
        workshopId: workshop.id,
        pinned: true,
        message: { id: message.id, pinned: true },
        by: { displayName: 'Fatima Facilitator' },
      });
      const fresh = await connect(users[0]);
      expect((await join(fresh, workshop.id)).state.pinned).toEqual([{ ...message, pinned: true }]);

      const more = [];
      for (let i = 0; i < WORKSHOP_LIMITS.pinnedMax; i++) more.push(await sent(f, workshop.id, `note ${i}`));
      for (const m of more.slice(1)) {
        ok(await call(f, 'message.pin', { workshopId: workshop.id, messageId: m.id, pinned: true }));
      }
      const tooMany = failure(
        await call(f, 'message.pin', { workshopId: workshop.id, messageId: more[0].id, pinned: true }),
      );
      expect(tooMany.code).toBe('CONFLICT');

      ok(await call(f, 'message.pin', { workshopId: workshop.id, messageId: message.id, pinned: false }));
      const state = (await join(fresh, workshop.id)).state;
      expect(state.pinned.map((m) => m.id)).toEqual(more.slice(1).map((m) => m.id));
      const actions = await auditActions(workshop.id);
      expect(actions.filter((a) => a === 'message.pinned')).toHaveLength(WORKSHOP_LIMITS.pinnedMax);
      expect(actions.at(-1)).toBe('message.unpinned');
    });

    it('delivers reports live to facilitators only; resolving is audited', async () => {
      const { workshop, f, ps, users, facilitator } = await room(2);
      const message = await sent(ps[1], workshop.id, 'off-topic rant');
      const participantReports = collect(ps[1], 'report.created');
      const heard = nextEvent(f, 'report.created');
      const { reportId } = ok(
        await call(ps[0], 'message.report', { workshopId: workshop.id, messageId: message.id, reason: 'Off topic' }),
      );
      const report = await heard;
      expect(report).toEqual({
        id: reportId,
        workshopId: workshop.id,
        message,
        reporter: { id: users[0].id, displayName: 'Participant 1' },
        reason: 'Off topic',
        createdAt: expect.any(String),
      });
      await sleep(100);
      expect(participantReports).toEqual([]);
      expect(
        failure(
          await call(ps[0], 'message.report', { workshopId: workshop.id, messageId: message.id, reason: 'again' }),
        ).code,
      ).toBe('CONFLICT');
      expect(
        failure(await call(ps[1], 'message.report', { workshopId: workshop.id, messageId: message.id, reason: 'me' }))
          .code,
      ).toBe('FORBIDDEN');
      expect(
        failure(
          await call(ps[0], 'message.report', {
            workshopId: workshop.id,
            messageId: message.id,
            reason: 'x'.repeat(WORKSHOP_LIMITS.reportReasonMax + 1),
          }),
        ).fields,
      ).toHaveProperty('reason');

      // a facilitator joining later finds it open; participants never see reports
      const late = await connect(facilitator);
      expect((await join(late, workshop.id)).reports).toEqual([report]);
      expect((await join(ps[0], workshop.id)).reports).toEqual([]);

      const resolved = nextEvent(late, 'report.resolved');
      expect(failure(await call(ps[0], 'report.resolve', { workshopId: workshop.id, reportId })).code).toBe(
        'FORBIDDEN',
      );
      ok(await call(f, 'report.resolve', { workshopId: workshop.id, reportId }));
      expect(await resolved).toEqual({ workshopId: workshop.id, reportId });
      expect((await join(late, workshop.id)).reports).toEqual([]);
      const audit = await t.dataSource.query(
        `SELECT action, actor_id, target_user_id, target_message_id, detail FROM workshop_audit WHERE workshop_id = $1`,
        [workshop.id],
      );
      expect(audit).toEqual([
        {
          action: 'report.resolved',
          actor_id: facilitator.id,
          target_user_id: users[0].id,
          target_message_id: message.id,
          detail: { reportId },
        },
      ]);
    });

    it('refuses facilitator events from participants with FORBIDDEN', async () => {
      const { workshop, ps, users } = await room(2);
      const message = await sent(ps[1], workshop.id, 'hi');
      const attempts: [ClientEvent, object][] = [
        ['message.delete', { workshopId: workshop.id, messageId: message.id }],
        ['message.pin', { workshopId: workshop.id, messageId: message.id, pinned: true }],
        ['participant.mute', { workshopId: workshop.id, userId: users[1].id, minutes: 5 }],
        ['participant.remove', { workshopId: workshop.id, userId: users[1].id }],
        ['room.update', { workshopId: workshop.id, locked: true }],
        ['question.status', { workshopId: workshop.id, questionId: randomUUID(), status: 'answered' }],
        ['hand.callNext', { workshopId: workshop.id }],
        ['hand.lower', { workshopId: workshop.id, userId: users[1].id }],
      ];
      for (const [event, payload] of attempts) {
        expect([event, failure(await raw(ps[0], event, payload)).code]).toEqual([event, 'FORBIDDEN']);
      }
      const [{ deleted, muted }] = await t.dataSource.query(
        `SELECT (SELECT deleted_at FROM workshop_messages WHERE id = $2) IS NOT NULL AS deleted,
                EXISTS (SELECT 1 FROM workshop_attendees WHERE workshop_id = $1 AND muted_until IS NOT NULL) AS muted`,
        [workshop.id, message.id],
      );
      expect({ deleted, muted }).toEqual({ deleted: false, muted: false });
      expect(await auditActions(workshop.id)).toEqual([]);
    });
  });

  describe('tools', () => {
    it('runs Q&A: ask, one vote per participant, sorted by votes, answered', async () => {
      const { workshop, f, ps, users } = await room(3);
      const created = nextEvent(f, 'question.created');
      const q1 = ok(
        await call(ps[0], 'question.ask', { workshopId: workshop.id, body: '  How do we start?  ' }),
      ).question;
      expect(await created).toEqual(q1);
      expect(q1).toMatchObject({ body: 'How do we start?', votes: 0, status: 'open', answeredAt: null });
      const q2 = ok(await call(ps[1], 'question.ask', { workshopId: workshop.id, body: 'Budget **tips**?' })).question;
      expect(q2.bodyHtml).toContain('<strong>tips</strong>');

      const updated = collect(f, 'question.updated');
      ok(await call(ps[0], 'question.vote', { workshopId: workshop.id, questionId: q2.id, vote: true }));
      // a double vote counts once (also when sent at the same time)
      const twice = await Promise.all([
        call(ps[2], 'question.vote', { workshopId: workshop.id, questionId: q2.id, vote: true }),
        call(ps[2], 'question.vote', { workshopId: workshop.id, questionId: q2.id, vote: true }),
      ]);
      expect(twice.map((r) => ok(r).question.votes)).toEqual([2, 2]);
      ok(await call(ps[2], 'question.vote', { workshopId: workshop.id, questionId: q1.id, vote: true }));
      const withdrawn = ok(
        await call(ps[2], 'question.vote', { workshopId: workshop.id, questionId: q1.id, vote: false }),
      );
      expect(withdrawn.question.votes).toBe(0);
      ok(await call(ps[1], 'question.vote', { workshopId: workshop.id, questionId: q1.id, vote: true }));
      await waitUntil('question updates', () => updated.length >= 5);
      expect(updated.map((q) => [q.id, q.votes])).toEqual([
        [q2.id, 1],
        [q2.id, 2],
        [q1.id, 1],
        [q1.id, 0],
        [q1.id, 1],
      ]);
      const [{ votes }] = await t.dataSource.query(
        `SELECT (SELECT votes FROM workshop_questions WHERE id = $1) AS votes`,
        [q2.id],
      );
      expect(votes).toBe(2);

      const view = await join(await connect(users[2]), workshop.id);
      expect(view.questions.map((q) => [q.id, q.votes])).toEqual([
        [q2.id, 2],
        [q1.id, 1],
      ]);
      expect(view.myVotes).toEqual([q2.id]);

      const answered = nextEvent(ps[0], 'question.updated');
      const result = ok(
        await call(f, 'question.status', { workshopId: workshop.id, questionId: q2.id, status: 'answered' }),
      );
      expect(result.question).toMatchObject({ status: 'answered', answeredAt: expect.any(String), votes: 2 });
      expect(await answered).toEqual(result.question);
      expect(
        failure(await call(ps[0], 'question.vote', { workshopId: workshop.id, questionId: q2.id, vote: false })).code,
      ).toBe('INVALID_STATE');
      ok(await call(f, 'question.status', { workshopId: workshop.id, questionId: q1.id, status: 'dismissed' }));
      expect((await join(ps[0], workshop.id)).questions.map((q) => [q.id, q.status])).toEqual([[q2.id, 'answered']]);
      expect(await auditActions(workshop.id)).toEqual(['question.status', 'question.status']);
    });

    it('runs the hand-raise queue: raise, lower, call next (the participant is told)', async () => {
      const { workshop, f, ps, users } = await room(3);
      const raised1 = ok(await call(ps[0], 'hand.raise', { workshopId: workshop.id })).hands;
      expect(raised1.map((h) => h.user.id)).toEqual([users[0].id]);
      const queueHeard = nextEvent(f, 'hand.queue', (q) => q.hands.length === 3);
      ok(await call(ps[1], 'hand.raise', { workshopId: workshop.id }));
      ok(await call(ps[2], 'hand.raise', { workshopId: workshop.id }));
      // raising twice keeps the place
      ok(await call(ps[0], 'hand.raise', { workshopId: workshop.id }));
      expect((await queueHeard).hands.map((h) => h.user.id)).toEqual(users.map((u) => u.id));

      const lowered = ok(await call(ps[1], 'hand.lower', { workshopId: workshop.id })).hands;
      expect(lowered.map((h) => h.user.id)).toEqual([users[0].id, users[2].id]);

      const called = nextEvent(ps[0], 'hand.called');
      const next = ok(await call(f, 'hand.callNext', { workshopId: workshop.id })).called;
      expect(next?.user).toMatchObject({ id: users[0].id, displayName: 'Participant 1' });
      expect(await called).toEqual({
        workshopId: workshop.id,
        user: next?.user,
        by: { id: expect.any(String), displayName: 'Fatima Facilitator' },
      });
      expect((await join(ps[0], workshop.id)).hands.map((h) => h.user.id)).toEqual([users[2].id]);

      ok(await call(f, 'hand.lower', { workshopId: workshop.id, userId: users[2].id }));
      expect(ok(await call(f, 'hand.callNext', { workshopId: workshop.id })).called).toBeNull();
      expect(await auditActions(workshop.id)).toEqual(['hand.called']);
    });

    it('relays typing at most once per throttle window', async () => {
      const { workshop, f, ps, users } = await room(1);
      const typing = collect(f, 'typing');
      ok(await call(ps[0], 'typing.start', { workshopId: workshop.id }));
      ok(await call(ps[0], 'typing.start', { workshopId: workshop.id }));
      ok(await call(ps[0], 'typing.start', { workshopId: workshop.id }));
      await waitUntil('typing', () => typing.length > 0);
      await sleep(150);
      expect(typing).toEqual([
        {
          workshopId: workshop.id,
          user: { id: users[0].id, displayName: 'Participant 1', handle: expect.any(String) },
        },
      ]);
    });
  });

  describe('bad input', () => {
    it('answers malformed payloads and unknown events with an error ack, and the socket keeps working', async () => {
      const { workshop, ps, f } = await room(1);
      const p = ps[0];
      const cases: [string, unknown[], string, string?][] = [
        ['message.send', ['not an object'], 'VALIDATION_FAILED', 'body'],
        ['message.send', [null], 'VALIDATION_FAILED', 'body'],
        ['message.send', [[workshop.id]], 'VALIDATION_FAILED', 'body'],
        [
          'message.send',
          [{ workshopId: workshop.id, clientId: 'c1', body: 'hi', extra: 1 }],
          'VALIDATION_FAILED',
          'extra',
        ],
        [
          'message.send',
          [{ workshopId: workshop.id, clientId: 'c1', body: 'x'.repeat(WORKSHOP_LIMITS.messageMax + 1) }],
          'VALIDATION_FAILED',
          'body',
        ],
        ['message.send', [{ workshopId: workshop.id, clientId: 'c1', body: '   ' }], 'VALIDATION_FAILED', 'body'],
        ['message.send', [{ workshopId: workshop.id, clientId: 'c1', body: 42 }], 'VALIDATION_FAILED', 'body'],
        ['message.send', [{ workshopId: workshop.id, clientId: 'c1', body: 'a\u0000b' }], 'VALIDATION_FAILED', 'body'],
        [
          'message.send',
          [{ workshopId: workshop.id, clientId: 'no spaces', body: 'hi' }],
          'VALIDATION_FAILED',
          'clientId',
        ],
        [
          'message.send',
          [{ workshopId: workshop.id, clientId: 'x'.repeat(65), body: 'hi' }],
          'VALIDATION_FAILED',
          'clientId',
        ],
        ['message.send', [{ workshopId: 'not-a-uuid', clientId: 'c1', body: 'hi' }], 'VALIDATION_FAILED', 'workshopId'],
        ['workshop.join', [{ workshopId: workshop.id, afterSeq: -1 }], 'VALIDATION_FAILED', 'afterSeq'],
        ['workshop.join', [{ workshopId: workshop.id, afterSeq: 1.5 }], 'VALIDATION_FAILED', 'afterSeq'],
        ['history.before', [{ workshopId: workshop.id, beforeSeq: 10, limit: 1000 }], 'VALIDATION_FAILED', 'limit'],
        [
          'participant.mute',
          [{ workshopId: workshop.id, userId: randomUUID(), minutes: 1e9 }],
          'VALIDATION_FAILED',
          'minutes',
        ],
        [
          'question.vote',
          [{ workshopId: workshop.id, questionId: randomUUID(), vote: 'yes' }],
          'VALIDATION_FAILED',
          'vote',
        ],
        ['typing.start', [{ workshopId: workshop.id, sneaky: true }], 'VALIDATION_FAILED', 'sneaky'],
        ['message.send', [], 'VALIDATION_FAILED', 'body'],
        ['no.such.event', [{}], 'NOT_FOUND'],
      ];
      for (const [event, args, code, field] of cases) {
        const error = failure(await raw(p, event, ...args));
        expect([event, JSON.stringify(args).slice(0, 60), error.code]).toEqual([
          event,
          JSON.stringify(args).slice(0, 60),
          code,
        ]);
        if (field) expect(error.fields).toHaveProperty(field);
      }
      expect(failure(await raw(p, 'no.such.event', {}))).toEqual({
        code: 'NOT_FOUND',
        message: 'Unknown event "no.such.event"',
      });
      // events without an ack are ignored, never fatal
      (p as unknown as Socket).emit('no.such.event', { x: 1 });
      (p as unknown as Socket).emit('message.send', 'garbage');

      expect(p.connected).toBe(true);
      const heard = nextEvent(f, 'message.created');
      const ok4000 = await sent(p, workshop.id, 'é'.repeat(WORKSHOP_LIMITS.messageMax));
      expect((await heard).id).toBe(ok4000.id);
      expect(f.connected).toBe(true);
    });
  });
});

describe('workshop room rate limit', () => {
  let t: TestApp;
  const sockets: RoomSocket[] = [];
  beforeAll(async () => {
    t = await bootApp({ WORKSHOP_MESSAGE_RATE_LIMIT: '3/60' }, { listen: true });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('answers RATE_LIMITED with retryAfterSeconds past the per-participant limit', async () => {
    const facilitator = await createUser(t, { roles: ['facilitator'] });
    const workshop = await createWorkshop(t, { facilitator });
    const [alice, bob] = [await createUser(t), await createUser(t)];
    const a = await connectRoom(t.url, alice);
    const b = await connectRoom(t.url, bob);
    sockets.push(a, b);
    for (const s of [a, b]) ok(await call(s, 'workshop.join', { workshopId: workshop.id }));
    for (let i = 1; i <= 3; i++) {
      ok(await call(a, 'message.send', { workshopId: workshop.id, clientId: `a${i}`, body: `m${i}` }));
    }
    const limited = failure(await call(a, 'message.send', { workshopId: workshop.id, clientId: 'a4', body: 'm4' }));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    // per participant: someone else still speaks, and nothing was stored for the refused one
    ok(await call(b, 'message.send', { workshopId: workshop.id, clientId: 'b1', body: 'hi' }));
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM workshop_messages WHERE workshop_id = $1`,
      [workshop.id],
    );
    expect(count).toBe(4);
  });
});

describe('workshop room across two instances (REDIS_URL)', () => {
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  let a: TestApp;
  let b: TestApp;
  const sockets: RoomSocket[] = [];
  const connectTo = async (app: TestApp, user: TestUser) => {
    const socket = await connectRoom(app.url, user);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    const env = { REDIS_URL, WORKSHOP_MESSAGE_RATE_LIMIT: '1000/1' };
    a = await bootApp(env, { listen: true });
    b = await bootApp(env, { listen: true });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    // let both instances finish the presence checks of those disconnects before Redis closes
    await sleep(500);
    await a.close();
    await b.close();
  });

  it('shares presence, messages and moderation between instances', async () => {
    const facilitator = await createUser(a, { roles: ['facilitator'], displayName: 'Fran Facilitator' });
    const [pat, quinn, remy] = [
      await createUser(a, { displayName: 'Pat on B' }),
      await createUser(a, { displayName: 'Quinn on A' }),
      await createUser(a, { displayName: 'Remy on B' }),
    ];
    const workshop = await createWorkshop(a, { facilitator });
    const f = await connectTo(a, facilitator);
    ok(await call(f, 'workshop.join', { workshopId: workshop.id }));
    const q = await connectTo(a, quinn);
    ok(await call(q, 'workshop.join', { workshopId: workshop.id }));

    const joinedHeard = nextEvent(f, 'presence.joined', (e) => e.user.id === pat.id);
    const p = await connectTo(b, pat);
    const patJoin = ok(await call(p, 'workshop.join', { workshopId: workshop.id }));
    expect(patJoin.presence.map((e) => e.user.id).sort()).toEqual([facilitator.id, pat.id, quinn.id].sort());
    expect((await joinedHeard).role).toBe('participant');
    // presence read on A includes the socket on B, with its role and handle
    const fromA = ok(await call(f, 'workshop.join', { workshopId: workshop.id })).presence;
    expect(fromA.find((e) => e.user.id === pat.id)).toEqual({
      user: { id: pat.id, displayName: 'Pat on B', handle: expect.any(String), cities: [], role: null },
      role: 'participant',
    });

    // a message sent on A reaches B
    const onB = nextEvent(p, 'message.created');
    const fromQuinn = ok(await call(q, 'message.send', { workshopId: workshop.id, clientId: 'q1', body: 'hi from A' }));
    expect(await onB).toEqual(fromQuinn.message);

    // a mute decided on A holds on B
    ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: pat.id, minutes: 10 }));
    expect(failure(await call(p, 'message.send', { workshopId: workshop.id, clientId: 'p1', body: 'hm' })).code).toBe(
      'MUTED',
    );

    // a removal decided on A takes the socket on B out of the room
    const removed = nextEvent(p, 'participant.removed');
    ok(await call(f, 'participant.remove', { workshopId: workshop.id, userId: pat.id }));
    await removed;
    const afterRemoval = collect(p, 'message.created');
    const seenByFacilitator = nextEvent(f, 'message.created', (m) => m.clientId === 'q2');
    ok(await call(q, 'message.send', { workshopId: workshop.id, clientId: 'q2', body: 'still here' }));
    await seenByFacilitator;
    await sleep(200);
    expect(afterRemoval).toEqual([]);
    expect(failure(await call(p, 'workshop.join', { workshopId: workshop.id })).code).toBe('REMOVED');

    // leaving on B is announced on A
    const r = await connectTo(b, remy);
    ok(await call(r, 'workshop.join', { workshopId: workshop.id }));
    const left = nextEvent(f, 'presence.left', (e) => e.userId === remy.id);
    r.disconnect();
    expect(await left).toEqual({ workshopId: workshop.id, userId: remy.id });
  });
});
