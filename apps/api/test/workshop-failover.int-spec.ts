import { JwtService } from '@nestjs/jwt';
import {
  Namespaces,
  type Ack,
  type WorkshopClientEvents,
  type WorkshopJoinResult,
  type WorkshopMessageDto,
  type WorkshopServerEvents,
} from '@twinning/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '../src/auth/access-token.service';
import { TEST_JWT_SECRET, testDatabaseUrl } from './support/test-app';

/**
 * Scale-out under failure, with real processes: two API servers (A and B) run from the TypeScript
 * sources in child processes (test/support/run-ts.cjs, no build needed) against the test database
 * and the machine's Redis. Three participants are connected to each. They exchange messages across
 * the instances; then A is SIGKILLed while its participants are sending. They reconnect to B,
 * rejoin with the last seq they hold and resend whatever was not acknowledged with the same
 * clientId. In the end every participant holds exactly the database's messages: none lost, none
 * duplicated, numbered 1..N without gaps.
 *
 * The clients behave as the web client must: they track the highest seq up to which they hold
 * every message, rejoin from it after a reconnect, and fetch a hole (`history.before`) when a
 * later seq arrives first — a message that A committed but did not broadcast before dying leaves
 * exactly such a hole at participants who stayed connected to B.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const ROOT = path.resolve(__dirname, '../../..');
const RUN_TS = path.join(ROOT, 'apps/api/test/support/run-ts.cjs');
const MAIN_TS = path.join(ROOT, 'apps/api/src/main.ts');
const PER_INSTANCE = 3;
/** Messages each participant sends back to back around the kill. */
const LOOP_MESSAGES = { A: 40, B: 25 };
/** Acknowledged loop messages each of A's participants must have before A is killed. */
const ACKED_BEFORE_KILL = 5;
const ACK_TIMEOUT_MS = 10_000;

type ClientSocket = Socket<WorkshopServerEvents, WorkshopClientEvents>;

interface ApiProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ApiProcess[] = [];
const participants: Participant[] = [];

function diagnostics(): string {
  const state = participants.map(
    (p) => `${p.name}: holds ${p.held.size} (contiguous ${p.contiguous}), sent ${p.sent.length}, acked ${p.acked.size}`,
  );
  const output = children.map((c) => `--- instance ${c.name} output:\n${c.output.join('').slice(-2000)}`);
  return [...state, ...output].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `condition`; a timeout names what was awaited, the participants' state and the servers' last output. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${diagnostics()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startApi(name: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--require', RUN_TS, MAIN_TS], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL,
      SEED_DEMO: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), `twinning-failover-${name}-`)),
      WORKSHOP_MESSAGE_RATE_LIMIT: '100000/1',
    },
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const api: ApiProcess = { name, url: `http://127.0.0.1:${port}`, child, output, exited };
  children.push(api);
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(
    `instance ${name} to be ready`,
    async () => {
      if (gone) throw new Error(`Instance ${name} exited during start:\n${output.join('')}`);
      try {
        return (await fetch(`${api.url}/api/ready`)).ok;
      } catch {
        return false;
      }
    },
    60_000,
  );
  return api;
}

class Disconnected extends Error {}

/** A participant as the web client behaves: durable by seq, idempotent by clientId, fails over to B. */
class Participant {
  /** seq → message id, everything this participant holds. */
  readonly held = new Map<number, string>();
  /** Seqs delivered live by `message.created` (not by a join or a hole fetch). */
  readonly live = new Set<number>();
  /** Same seq seen with two different ids. */
  readonly conflicts: string[] = [];
  /** Every seq up to this one is held. */
  contiguous = 0;
  readonly acked = new Map<string, { id: string; seq: number }>();
  readonly sent: string[] = [];
  readonly inFlight = new Set<string>();
  /** clientIds sent again after a reconnect because their first attempt was not acknowledged. */
  readonly retried = new Set<string>();
  /** Seqs a rejoin with afterSeq replayed, and what was wrong with any replay. */
  readonly replayed = new Set<number>();
  readonly replayErrors: string[] = [];
  holesFetched = 0;
  reconnects = 0;
  /** Reconnecting waits for this, so a test can make sure messages are missed meanwhile. */
  reconnectGate: Promise<void> = Promise.resolve();
  socket: ClientSocket | null = null;
  private ready: Promise<void> = Promise.resolve();
  private urlIndex = 0;
  private closed = false;
  private holeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly token: string,
    private readonly workshopId: string,
    /** The first URL, then the fallbacks in order. */
    private readonly urls: string[],
  ) {}

  start(): Promise<void> {
    this.ready = this.connect(this.urls[0]);
    return this.ready;
  }

  close(): void {
    this.closed = true;
    if (this.holeTimer) clearTimeout(this.holeTimer);
    this.socket?.close();
  }

  async send(clientId: string, body: string): Promise<void> {
    this.sent.push(clientId);
    for (let attempt = 1; ; attempt++) {
      await this.ready;
      const socket = this.socket as ClientSocket;
      if (attempt > 1) this.retried.add(clientId);
      this.inFlight.add(clientId);
      let res: Ack<{ message: WorkshopMessageDto }>;
      try {
        res = await this.emitUnlessDisconnected(socket, clientId, body);
      } catch (err) {
        if (err instanceof Disconnected || (err as Error).message === 'operation has timed out') continue;
        throw err;
      } finally {
        this.inFlight.delete(clientId);
      }
      if (!res.ok) throw new Error(`${this.name}: message.send ${clientId} refused: ${JSON.stringify(res.error)}`);
      this.acked.set(clientId, { id: res.message.id, seq: res.message.seq });
      this.hold(res.message);
      return;
    }
  }

  private emitUnlessDisconnected(
    socket: ClientSocket,
    clientId: string,
    body: string,
  ): Promise<Ack<{ message: WorkshopMessageDto }>> {
    return new Promise((resolve, reject) => {
      if (!socket.connected) return reject(new Disconnected());
      const onDisconnect = () => reject(new Disconnected());
      socket.once('disconnect', onDisconnect);
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('message.send', { workshopId: this.workshopId, clientId, body }, (err: Error | null, res) => {
          socket.off('disconnect', onDisconnect);
          if (err) reject(err);
          else resolve(res);
        });
    });
  }

  private async connect(url: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const socket: ClientSocket = io(`${url}${Namespaces.workshops}`, {
        auth: { token: this.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.on('message.created', (message) => {
        if (message.workshopId !== this.workshopId) return;
        this.live.add(message.seq);
        this.hold(message);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
      } catch (err) {
        socket.close();
        if (attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      this.socket = socket;
      socket.once('disconnect', () => {
        if (this.closed || this.socket !== socket) return;
        // no reconnection to a dead instance: move on to the next URL (B), like a proxy would
        this.reconnects++;
        this.urlIndex = Math.min(this.urlIndex + 1, this.urls.length - 1);
        const url = this.urls[this.urlIndex];
        this.ready = this.reconnectGate.then(() => this.connect(url));
      });
      await this.join(socket);
      return;
    }
  }

  /** Joins (or rejoins after the last contiguous seq), paging forward while the replay is capped. */
  private async join(socket: ClientSocket): Promise<void> {
    for (;;) {
      const afterSeq = this.contiguous > 0 ? this.contiguous : undefined;
      const payload =
        afterSeq === undefined ? { workshopId: this.workshopId } : { workshopId: this.workshopId, afterSeq };
      const res: Ack<WorkshopJoinResult> = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('workshop.join', payload);
      if (!res.ok) throw new Error(`${this.name}: workshop.join refused: ${JSON.stringify(res.error)}`);
      if (afterSeq !== undefined) {
        // a replay starts right after what we hold and has no holes
        const seqs = res.messages.map((m) => m.seq);
        if (seqs.some((seq, i) => seq !== afterSeq + 1 + i)) {
          this.replayErrors.push(`afterSeq ${afterSeq} replayed ${seqs.join(',')}`);
        }
        seqs.forEach((seq) => this.replayed.add(seq));
      }
      res.messages.forEach((m) => this.hold(m));
      if (!res.hasMoreAfter) return;
    }
  }

  private hold(message: WorkshopMessageDto): void {
    const known = this.held.get(message.seq);
    if (known !== undefined && known !== message.id) {
      this.conflicts.push(`seq ${message.seq}: ${known} and ${message.id}`);
      return;
    }
    this.held.set(message.seq, message.id);
    while (this.held.has(this.contiguous + 1)) this.contiguous++;
    if (this.held.size > this.contiguous) this.scheduleHoleFetch();
  }

  /** A later seq arrived before an earlier one: give the broadcast a moment, then read the hole. */
  private scheduleHoleFetch(): void {
    if (this.holeTimer || this.closed) return;
    this.holeTimer = setTimeout(() => void this.fetchHole(), 300);
  }

  private async fetchHole(): Promise<void> {
    this.holeTimer = null;
    const above = [...this.held.keys()].filter((seq) => seq > this.contiguous);
    if (above.length === 0 || this.closed) return;
    const beforeSeq = Math.min(...above);
    const socket = this.socket;
    if (socket?.connected) {
      this.holesFetched++;
      try {
        const res: Ack<{ messages: WorkshopMessageDto[] }> = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('history.before', {
            workshopId: this.workshopId,
            beforeSeq,
            limit: Math.min(200, beforeSeq - this.contiguous - 1),
          });
        if (res.ok) res.messages.forEach((m) => this.hold(m));
      } catch {
        // disconnected meanwhile: the rejoin replays from `contiguous`
      }
    }
    if (this.held.size > this.contiguous) this.scheduleHoleFetch();
  }
}

describe('workshop room across two API processes, one of them SIGKILLed', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  });

  afterAll(async () => {
    participants.forEach((p) => p.close());
    for (const api of children) {
      if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
      await api.exited;
    }
    await pool.end();
  });

  it('loses and duplicates nothing when the instance a participant is on dies mid-send', async () => {
    // --- a live public workshop and six registered participants, inserted directly
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const tag = Date.now().toString(36);
    const users: { id: string; token: string }[] = [];
    for (let i = 0; i < 2 * PER_INSTANCE + 1; i++) {
      const [row] = (
        await pool.query(
          `INSERT INTO users (email, password_hash, display_name, roles) VALUES ($1, 'not-a-hash', $2, $3) RETURNING id`,
          [`failover-${tag}-${i}@example.test`, `Failover ${i}`, i === 0 ? ['facilitator'] : []],
        )
      ).rows;
      const token = jwt.sign(
        { sub: row.id, typ: 'access' },
        { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: 3600 },
      );
      users.push({ id: row.id, token });
    }
    const [facilitator, ...members] = users;
    const {
      rows: [workshop],
    } = await pool.query(
      `INSERT INTO workshops (title, theme, language, scope, starts_at, ends_at, status, opened_at, created_by, registered_count)
       VALUES ('Negotiation under pressure', 'integration', 'en', 'public', now() - interval '10 minutes',
               now() + interval '1 hour', 'live', now(), $1, $2) RETURNING id`,
      [facilitator.id, members.length],
    );
    await pool.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
      workshop.id,
      facilitator.id,
    ]);
    await pool.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered) SELECT $1, unnest($2::uuid[]), true`,
      [workshop.id, members.map((m) => m.id)],
    );
    const dbMessages = async () =>
      (
        await pool.query<{ seq: number; id: string; client_id: string; author_id: string }>(
          `SELECT seq, id, client_id, author_id FROM workshop_messages WHERE workshop_id = $1 ORDER BY seq`,
          [workshop.id],
        )
      ).rows;

    // --- two instances, three participants on each (A's fall back to B)
    const [a, b] = await Promise.all([startApi('A'), startApi('B')]);
    const onA = members
      .slice(0, PER_INSTANCE)
      .map((u, i) => new Participant(`A${i}`, u.token, workshop.id, [a.url, b.url]));
    const onB = members.slice(PER_INSTANCE).map((u, i) => new Participant(`B${i}`, u.token, workshop.id, [b.url]));
    participants.push(...onA, ...onB);
    await Promise.all(participants.map((p) => p.start()));

    // --- everyone hears everyone, across the instances, live
    await Promise.all(
      participants.map(async (p) => {
        for (let n = 0; n < 3; n++) await p.send(`${p.name}-hello-${n}`, `Hello ${n} from ${p.name}`);
      }),
    );
    const greetings = participants.length * 3;
    await waitFor('every greeting to arrive live everywhere', () =>
      participants.every((p) => [...Array(greetings).keys()].every((i) => p.live.has(i + 1))),
    );

    // --- A's participants send back to back; B's too. A dies while a send of theirs is in flight.
    const loops = participants.map(async (p) => {
      const count = onA.includes(p) ? LOOP_MESSAGES.A : LOOP_MESSAGES.B;
      for (let n = 0; n < count; n++) await p.send(`${p.name}-loop-${n}`, `Message ${n} from ${p.name}`);
    });
    // A's participants wait to reconnect until B's have said something they are sure to miss
    let openGate = () => undefined as void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    onA.forEach((p) => (p.reconnectGate = gate));
    let inFlightAtKill = 0;
    await waitFor(
      "A's participants to be mid-send",
      () => {
        const ready = onA.every(
          (p) => p.sent.filter((id) => id.includes('-loop-') && p.acked.has(id)).length >= ACKED_BEFORE_KILL,
        );
        inFlightAtKill = onA.reduce((sum, p) => sum + p.inFlight.size, 0);
        if (!ready || inFlightAtKill === 0) return false;
        a.child.kill('SIGKILL'); // same tick as the check: those sends are really unacknowledged
        return true;
      },
      30_000,
    );
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await waitFor("A's participants to notice", () => onA.every((p) => p.reconnects === 1));
    await Promise.all(onB.map((p) => p.send(`${p.name}-away`, `While you were away, from ${p.name}`)));
    const awaySeqs = onB.map((p) => p.acked.get(`${p.name}-away`)?.seq as number);
    openGate();
    await Promise.all(loops);

    // --- one last message each, all through B: a hole left by A shows up before it
    await Promise.all(participants.map((p) => p.send(`${p.name}-last`, `Last from ${p.name}`)));

    const rows = await dbMessages();
    const n = rows.length;
    await waitFor('every participant to hold every message', () =>
      participants.every((p) => p.contiguous === n && p.held.size === n),
    );

    // the database: numbered 1..N without gaps, each attempted clientId exactly once
    expect(rows.map((r) => r.seq)).toEqual([...Array(n).keys()].map((i) => i + 1));
    const attempted = participants.flatMap((p) => p.sent);
    expect(new Set(attempted).size).toBe(attempted.length);
    expect(rows.map((r) => r.client_id).sort()).toEqual([...attempted].sort());
    expect(n).toBe(greetings + PER_INSTANCE * (LOOP_MESSAGES.A + LOOP_MESSAGES.B + 2) + onB.length);
    const byClientId = new Map(rows.map((r) => [r.client_id, r]));
    const authorOf = new Map(participants.map((p, i) => [p.name, members[i].id]));

    // every acknowledgement names the stored message
    for (const p of participants) {
      expect(p.acked.size).toBe(p.sent.length);
      for (const [clientId, ack] of p.acked) {
        const row = byClientId.get(clientId);
        expect({ clientId, id: ack.id, seq: ack.seq, author: authorOf.get(p.name) }).toEqual({
          clientId,
          id: row?.id,
          seq: row?.seq,
          author: row?.author_id,
        });
      }
    }

    // every participant holds exactly the database's list, in seq order
    const expected = rows.map((r) => [r.seq, r.id]);
    for (const p of participants) {
      expect({ name: p.name, conflicts: p.conflicts }).toEqual({ name: p.name, conflicts: [] });
      expect({ name: p.name, held: [...p.held.entries()].sort((x, y) => x[0] - y[0]) }).toEqual({
        name: p.name,
        held: expected,
      });
    }

    // A's participants got what they missed from the rejoin's replay, which started right after
    // the last seq they held (holes fetched later cannot stand in for it)
    for (const p of onA) {
      expect({ name: p.name, replayErrors: p.replayErrors }).toEqual({ name: p.name, replayErrors: [] });
      expect({ name: p.name, awayReplayed: awaySeqs.filter((seq) => p.replayed.has(seq)) }).toEqual({
        name: p.name,
        awayReplayed: awaySeqs,
      });
    }

    // the scenario really happened: A's participants failed over and resent unacknowledged messages
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(onA.every((p) => p.reconnects === 1)).toBe(true);
    expect(onB.every((p) => p.reconnects === 0)).toBe(true);
    expect(onA.reduce((sum, p) => sum + p.retried.size, 0)).toBeGreaterThanOrEqual(inFlightAtKill);
    expect(b.child.exitCode).toBeNull();
  }, 120_000);
});
