#!/usr/bin/env node
// Room fan-out benchmark: R rooms × C clients, S senders per room, against the real Twinning server
// (built dist, its own database, started here as a child process) and a bare socket.io 4.8 server
// (tools/bench/bare-room-server.mjs: no auth, no persistence) in the same run, with the same clients
// and the same workload. Not part of npm test or CI. See tools/bench/README.md, "Room fan-out".
//
//   npm run bench:rooms -- [--rooms 10] [--clients 20] [--senders 5] [--rate 200] [--duration 15]
//     [--warmup 3] [--window 4] [--workers 1] [--body 120] [--servers twinning,bare]
//     [--database-url postgres://…] [--redis-url redis://…] [--profile] [--out tools/bench/results]
//
// Phases, for each server in turn (clients connect and join first):
//   warmup  fixed rate, not measured
//   fixed   every sender at --rate / (rooms × senders) msg/s, open loop (sends on schedule, acked or not)
//   flat    flat out: each sender keeps --window sends outstanding, the next one leaves on each ack
//           (4 by default: with 1, a server with a few ms of database latency per message left a
//           quarter of the machine idle, so "flat out" measured round trips rather than saturation)
//   half    fixed rate at 50 % of what this server acknowledged flat out (its saturation)
// Each phase measures acknowledged sends/s, delivered messages/s (`message.created` received by all
// clients), end-to-end latency from the sender's emit to each receiver (p50/p95/p99), lost
// deliveries (an acknowledged message some room member never received) and duplicates (a client
// receiving the same seq twice), plus the CPU used by the server, its PostgreSQL backends, the
// client process and the whole machine. Prints a Markdown report and writes it to
// tools/bench/results/<date>-<time>-rooms.md; exits 1 when anything was lost, duplicated or refused.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { apiEnv, freePort, freshDatabase, machineCpuMs, percentile, procCpuMs, root, withDatabase } from './lib.mjs';

const ACK_TIMEOUT_MS = 10_000;
/** Open-loop sends a sender may have unacknowledged before it skips a beat (keeps a stalled server from eating memory). */
const MAX_OUTSTANDING = 2000;

if (isMainThread) {
  await main();
} else {
  await clientWorker();
}

// =================================================================================================
// Client worker: owns some rooms' sockets, sends and receives, measures. Every member of a room lives
// in the same worker, so send and receive times come from one clock.
// =================================================================================================

async function clientWorker() {
  const { io } = await import('socket.io-client');
  const { workerIndex, bodySize } = workerData;
  /** @type {{ index: number; workshopId: string; clients: any[]; senders: any[] }[]} */
  let rooms = [];
  let phase = null;
  let disconnects = 0;

  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ';
  const bodyFor = (prefix) => (prefix + filler.repeat(Math.ceil(bodySize / filler.length))).slice(0, bodySize);

  function onMessage(client, message) {
    if (!phase) return;
    const record = phase.messages.get(message.clientId);
    if (!record || record.workshopId !== message.workshopId) return; // an earlier phase's, or a stranger's
    const now = performance.now();
    if (client.seen.has(message.seq)) {
      phase.duplicates++;
      return;
    }
    client.seen.add(message.seq);
    record.received++;
    phase.deliveries++;
    if (now <= phase.endAt) phase.deliveriesInWindow++;
    phase.latencies.push(now - record.t0);
  }

  function connectClient(url, token, room) {
    return new Promise((resolve, reject) => {
      const socket = io(`${url}/workshops`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const client = { socket, seen: new Set() };
      socket.on('message.created', (message) => onMessage(client, message));
      socket.once('connect_error', (err) =>
        reject(new Error(`connect: ${err.message} ${JSON.stringify(err.data ?? '')}`)),
      );
      socket.once('connect', async () => {
        socket.on('disconnect', () => {
          if (!client.closing) disconnects++;
        });
        try {
          const res = await socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('workshop.join', { workshopId: room.workshopId });
          if (!res.ok) throw new Error(`workshop.join refused: ${JSON.stringify(res.error)}`);
          resolve(client);
        } catch (err) {
          reject(err);
        }
      });
    });
  }

  async function connect({ url, assignments }) {
    rooms = assignments.map((a) => ({
      index: a.index,
      workshopId: a.workshopId,
      clients: [],
      senders: [],
      tokens: a.tokens,
      sendersCount: a.senders,
    }));
    const jobs = rooms.flatMap((room) => room.tokens.map((token) => ({ room, token })));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { room, token } = jobs[next++];
        room.clients.push(await connectClient(url, token, room));
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    for (const room of rooms) {
      room.senders = room.clients
        .slice(0, room.sendersCount)
        .map((client, index) => ({ client, index, n: 0, outstanding: 0, nextDue: 0 }));
    }
  }

  function sendOne(room, sender) {
    const n = sender.n++;
    const clientId = `${phase.tag}-${workerIndex}-${room.index}-${sender.index}-${n}`;
    const record = {
      workshopId: room.workshopId,
      t0: performance.now(),
      received: 0,
      acked: false,
      members: room.clients.length,
    };
    phase.messages.set(clientId, record);
    phase.sent++;
    sender.outstanding++;
    sender.client.socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('message.send', { workshopId: room.workshopId, clientId, body: bodyFor(`${clientId} `) }, (err, res) => {
        sender.outstanding--;
        const now = performance.now();
        if (err) phase.ackTimeouts++;
        else if (!res?.ok) {
          const code = res?.error?.code ?? 'UNKNOWN';
          phase.refused[code] = (phase.refused[code] ?? 0) + 1;
        } else {
          record.acked = true;
          phase.acked++;
          if (now <= phase.endAt) phase.ackedInWindow++;
          phase.ackLatencies.push(now - record.t0);
        }
        if (phase.mode === 'flat' && phase.running && now < phase.endAt) sendOne(room, sender);
      });
  }

  async function runPhase({ tag, mode, ratePerSender, window, durationMs, startAtEpoch, drainMs }) {
    for (const room of rooms) for (const client of room.clients) client.seen.clear();
    phase = {
      tag,
      mode,
      running: false,
      messages: new Map(),
      sent: 0,
      acked: 0,
      ackedInWindow: 0,
      ackTimeouts: 0,
      refused: {},
      skipped: 0,
      deliveries: 0,
      deliveriesInWindow: 0,
      duplicates: 0,
      latencies: [],
      ackLatencies: [],
      endAt: Infinity,
    };
    const disconnectsBefore = disconnects;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAtEpoch - Date.now())));
    const startAt = performance.now();
    phase.endAt = startAt + durationMs;
    phase.running = true;
    const senders = rooms.flatMap((room) => room.senders.map((sender) => ({ room, sender })));
    if (mode === 'flat') {
      for (const { room, sender } of senders) for (let i = 0; i < window; i++) sendOne(room, sender);
      await new Promise((resolve) => setTimeout(resolve, durationMs));
    } else {
      const interval = 1000 / ratePerSender;
      for (const { sender } of senders) sender.nextDue = startAt + Math.random() * interval;
      await new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          if (now >= phase.endAt) return resolve();
          for (const { room, sender } of senders) {
            while (sender.nextDue <= now) {
              sender.nextDue += interval;
              if (sender.outstanding >= MAX_OUTSTANDING) phase.skipped++;
              else sendOne(room, sender);
            }
          }
          setTimeout(tick, 1);
        };
        tick();
      });
    }
    phase.running = false;
    const windowMs = performance.now() - startAt;
    // drain: every acknowledged message at every member, and every ack back (or timed out)
    const drainUntil = performance.now() + drainMs;
    const settled = () =>
      rooms.every((room) => room.senders.every((s) => s.outstanding === 0)) &&
      [...phase.messages.values()].every((r) => !r.acked || r.received >= r.members);
    while (!settled() && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    let lost = 0;
    let unackedDelivered = 0;
    for (const record of phase.messages.values()) {
      if (record.acked) lost += Math.max(0, record.members - record.received);
      else if (record.received > 0) unackedDelivered++;
    }
    const latencies = Float64Array.from(phase.latencies);
    const ackLatencies = Float64Array.from(phase.ackLatencies);
    const result = {
      windowMs,
      sent: phase.sent,
      acked: phase.acked,
      ackedInWindow: phase.ackedInWindow,
      ackTimeouts: phase.ackTimeouts,
      refused: phase.refused,
      skipped: phase.skipped,
      deliveries: phase.deliveries,
      deliveriesInWindow: phase.deliveriesInWindow,
      duplicates: phase.duplicates,
      lost,
      unackedDelivered,
      disconnects: disconnects - disconnectsBefore,
      latencies,
      ackLatencies,
    };
    phase = null;
    return result;
  }

  parentPort.on('message', async (msg) => {
    try {
      if (msg.cmd === 'connect') {
        await connect(msg);
        parentPort.postMessage({ id: msg.id, ok: true });
      } else if (msg.cmd === 'phase') {
        const result = await runPhase(msg);
        parentPort.postMessage({ id: msg.id, ok: true, result }, [result.latencies.buffer, result.ackLatencies.buffer]);
      } else if (msg.cmd === 'close') {
        for (const room of rooms)
          for (const client of room.clients) {
            client.closing = true;
            client.socket.close();
          }
        rooms = [];
        parentPort.postMessage({ id: msg.id, ok: true });
      }
    } catch (err) {
      parentPort.postMessage({ id: msg.id, ok: false, error: err?.stack ?? String(err) });
    }
  });
}

// =================================================================================================
// Main: servers, data, workers, phases, report.
// =================================================================================================

async function main() {
  const { values: args } = parseArgs({
    options: {
      rooms: { type: 'string', default: '10' },
      clients: { type: 'string', default: '20' },
      senders: { type: 'string', default: '5' },
      rate: { type: 'string', default: '200' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      window: { type: 'string', default: '4' },
      workers: { type: 'string', default: '1' },
      body: { type: 'string', default: '120' },
      drain: { type: 'string', default: '5' },
      servers: { type: 'string', default: 'twinning,bare' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      'redis-url': { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(root, 'tools', 'bench', 'results') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.help) {
    console.log(
      'Usage: npm run bench:rooms -- [--rooms 10 --clients 20 --senders 5 --rate 200 --duration 15 --warmup 3 ' +
        '--window 4 --workers 1 --body 120 --servers twinning,bare --database-url postgres://… --redis-url redis://… ' +
        '--profile]\nSee tools/bench/README.md, "Room fan-out".',
    );
    return;
  }
  const die = (message) => {
    console.error(`[rooms] ${message}`);
    cleanup();
    process.exit(1);
  };
  const whole = (name, min) => {
    const raw = args[name];
    if (!/^\d+$/.test(raw) || Number(raw) < min)
      die(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
    return Number(raw);
  };
  const R = whole('rooms', 1);
  const C = whole('clients', 1);
  const S = whole('senders', 1);
  const rate = whole('rate', 1);
  const durationS = whole('duration', 1);
  const warmupS = whole('warmup', 0);
  const window = whole('window', 1);
  const workerCount = whole('workers', 1);
  const bodySize = whole('body', 1);
  const drainS = whole('drain', 0);
  if (S > C) die(`--senders (${S}) cannot exceed --clients (${C})`);
  if (bodySize > 4000) die('--body is at most 4000 characters (the message limit)');
  const servers = args.servers.split(',').map((s) => s.trim());
  for (const s of servers)
    if (!['twinning', 'bare'].includes(s)) die(`unknown server "${s}"; choose twinning and/or bare`);

  const log = (message) => console.log(`[rooms] ${message}`);
  const children = new Set();
  let embedded = null;
  function cleanup() {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  process.on('exit', cleanup);
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  // --- machine facts -----------------------------------------------------------------------------
  const selfCpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  // --- children ------------------------------------------------------------------------------------
  function startChild(name, command, argv, env, readyCheck) {
    const child = spawn(command, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const output = [];
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 400) output.splice(0, 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const ready = (async () => {
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} exited during start:\n${output.join('')}`);
        const result = await readyCheck(output.join(''));
        if (result) return result;
        if (Date.now() > deadline) throw new Error(`${name} did not start within 90 s:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return { name, child, output, exited, ready };
  }

  const targets = {};
  let pool = null;
  let dbName = null;
  /** With --profile, each server runs under `node --cpu-prof` writing into its own folder. */
  const profiling = (name) => {
    if (!args.profile) return { nodeArgs: [], dir: null };
    const dir = mkdtempSync(path.join(os.tmpdir(), `rooms-prof-${name}-`));
    return { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], dir };
  };

  if (servers.includes('bare')) {
    const prof = profiling('bare');
    const spawnedAtUs = Number(process.hrtime.bigint() / 1000n);
    const bare = startChild(
      'bare socket.io server',
      process.execPath,
      [...prof.nodeArgs, path.join(root, 'tools/bench/bare-room-server.mjs'), '--port', '0'],
      process.env,
      (out) => {
        const match = /READY (\d+)/.exec(out);
        return match ? Number(match[1]) : null;
      },
    );
    const port = await bare.ready.catch((err) => die(err.message));
    targets.bare = {
      label: 'bare socket.io 4.8',
      url: `http://127.0.0.1:${port}`,
      proc: bare,
      pgPids: [],
      profileDir: prof.dir,
      spawnedAtUs,
    };
    log(`bare socket.io server on :${port} (pid ${bare.child.pid})`);
  }

  let tokens = [];
  let workshopIds = [];
  if (servers.includes('twinning')) {
    const main = path.join(root, 'dist/apps/api/main.js');
    if (!existsSync(main))
      die('dist/apps/api/main.js is missing: run `npm run build` (or `npx tsc -p apps/api/tsconfig.app.json`) first.');
    const newest = (dir) =>
      readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
        const full = path.join(dir, entry.name);
        return Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
      }, 0);
    if (newest(path.join(root, 'apps/api/src')) > statSync(main).mtimeMs) {
      log(
        'warning: apps/api/src is newer than dist/apps/api/main.js; run `npm run build` to measure the current code.',
      );
    }

    dbName = 'twinning_bench_rooms';
    let serverUrl = args['database-url'];
    if (!serverUrl) {
      const require = createRequire(import.meta.url);
      const { EmbeddedPostgres } = require(path.join(root, 'dist/apps/api/database/embedded-postgres.js'));
      embedded = new EmbeddedPostgres({
        dataDir: path.join(root, '.data', 'bench-rooms', 'postgres'),
        port: 54349,
        database: 'postgres',
        log: (m) => log(`embedded PostgreSQL: ${m}`),
      });
      log('no --database-url / DATABASE_URL: starting an embedded PostgreSQL on 127.0.0.1:54349');
      serverUrl = await embedded.start();
    }
    const databaseUrl = await freshDatabase(withDatabase(serverUrl, 'postgres'), dbName);
    const port = await freePort();
    const prof = profiling('twinning');
    const spawnedAtUs = Number(process.hrtime.bigint() / 1000n);
    const env = {
      ...apiEnv({
        port,
        databaseUrl,
        jwtSecret: 'rooms-bench-secret-at-least-32-characters-long',
        dataDirPrefix: 'twinning-rooms-',
      }),
      CORS_ORIGINS: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      MAIL_DISABLED: 'true',
      WORKSHOP_MESSAGE_RATE_LIMIT: '10000000/1',
      AUTH_RATE_LIMIT_PER_IP: '1000000',
      AUTH_RATE_LIMIT_PER_ACCOUNT: '1000000',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      ...(args['redis-url'] ? { REDIS_URL: args['redis-url'] } : {}),
      // a tuning knob of the server under test, passed on when set (README, Configuration)
      ...(process.env.WORKSHOP_WRITE_CONCURRENCY
        ? { WORKSHOP_WRITE_CONCURRENCY: process.env.WORKSHOP_WRITE_CONCURRENCY }
        : {}),
    };
    const url = `http://127.0.0.1:${port}`;
    const twinning = startChild('Twinning', process.execPath, [...prof.nodeArgs, main], env, async () => {
      try {
        return (await fetch(`${url}/api/ready`)).ok;
      } catch {
        return false;
      }
    });
    await twinning.ready.catch((err) => die(err.message));
    log(
      `Twinning on :${port} (pid ${twinning.child.pid})${args['redis-url'] ? ' with REDIS_URL' : ''}${args.profile ? ', profiling' : ''}`,
    );

    // users, live workshops and registrations straight in SQL; tokens through the login route
    const { default: pg } = await import('pg');
    const { hash, Algorithm } = await import('@node-rs/argon2');
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'twinning-rooms-bench' });
    const password = 'rooms-bench-2026';
    const passwordHash = await hash(password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    const emails = Array.from({ length: R * C }, (_, i) => `room-bench-${i + 1}@bench.twinning.test`);
    const { rows: users } = await pool.query(
      `INSERT INTO users (email, password_hash, display_name, handle, roles)
       SELECT e, $2, 'Bench ' || n, 'room_bench_' || n, '{}' FROM unnest($1::text[]) WITH ORDINALITY AS t(e, n)
       RETURNING id, email`,
      [emails, passwordHash],
    );
    const idByEmail = new Map(users.map((u) => [u.email, u.id]));
    const {
      rows: [facilitator],
    } = await pool.query(
      `INSERT INTO users (email, password_hash, display_name, handle, roles)
       VALUES ('room-bench-facilitator@bench.twinning.test', $1, 'Bench Facilitator', 'room_bench_facilitator', '{facilitator}') RETURNING id`,
      [passwordHash],
    );
    const { rows: workshops } = await pool.query(
      `INSERT INTO workshops (title, theme, language, scope, starts_at, ends_at, status, opened_at, created_by, registered_count)
       SELECT 'Bench room ' || n, 'integration', 'en', 'public', now() - interval '5 minutes', now() + interval '1 day',
              'live', now(), $1, $2
         FROM generate_series(1, $3) AS n ORDER BY n RETURNING id`,
      [facilitator.id, C, R],
    );
    workshopIds = workshops.map((w) => w.id);
    await pool.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) SELECT unnest($1::uuid[]), $2`, [
      workshopIds,
      facilitator.id,
    ]);
    await pool.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered) SELECT unnest($1::uuid[]), unnest($2::uuid[]), true`,
      [emails.map((_, i) => workshopIds[Math.floor(i / C)]), emails.map((e) => idByEmail.get(e))],
    );
    log(`created ${R} live workshops and ${R * C} registered participants; signing them in…`);
    tokens = new Array(emails.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < emails.length) {
          const i = next++;
          const res = await fetch(`${url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: url },
            body: JSON.stringify({ email: emails[i], password }),
          });
          if (!res.ok) die(`login of ${emails[i]} failed: ${res.status} ${await res.text()}`);
          tokens[i] = (await res.json()).accessToken;
        }
      }),
    );
    targets.twinning = { label: 'Twinning', url, proc: twinning, pgPids: [], profileDir: prof.dir, spawnedAtUs };
  } else {
    workshopIds = Array.from({ length: R }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
    tokens = Array.from({ length: R * C }, () => 'bare-server-ignores-tokens');
  }

  // --- workers -------------------------------------------------------------------------------------
  const workers = Array.from({ length: workerCount }, (_, workerIndex) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { workerIndex, bodySize } });
    worker.on('error', (err) => die(`client worker ${workerIndex} failed: ${err.stack}`));
    return worker;
  });
  let requestId = 0;
  const call = (worker, payload, transfer) =>
    new Promise((resolve, reject) => {
      const id = ++requestId;
      const onMessage = (msg) => {
        if (msg.id !== id) return;
        worker.off('message', onMessage);
        if (msg.ok) resolve(msg.result);
        else reject(new Error(msg.error));
      };
      worker.on('message', onMessage);
      worker.postMessage({ ...payload, id }, transfer);
    });
  const assignments = workers.map(() => []);
  for (let r = 0; r < R; r++) {
    assignments[r % workerCount].push({
      index: r,
      workshopId: workshopIds[r],
      tokens: tokens.slice(r * C, (r + 1) * C),
      senders: S,
    });
  }

  // --- phases --------------------------------------------------------------------------------------
  let phaseCounter = 0;
  async function runPhase(target, name, mode, totalRate) {
    const tag = `p${++phaseCounter}`;
    const ratePerSender = mode === 'rate' ? totalRate / (R * S) : 0;
    const durationMs = (name === 'warmup' ? warmupS : durationS) * 1000;
    if (target.proc && pool && target === targets.twinning) {
      const { rows } = await pool.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> 'twinning-rooms-bench'`,
        [dbName],
      );
      target.pgPids = rows.map((r) => r.pid);
    }
    const startAtEpoch = Date.now() + 200;
    const results = workers.map((worker) =>
      call(worker, {
        cmd: 'phase',
        tag,
        mode,
        ratePerSender,
        window,
        durationMs,
        startAtEpoch,
        drainMs: drainS * 1000,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAtEpoch - Date.now())));
    const cpu0 = {
      server: procCpuMs(target.proc.child.pid),
      pg: target.pgPids.reduce((sum, pid) => sum + procCpuMs(pid), 0),
      clients: selfCpuMs(),
      machine: machineCpuMs().busy,
      wall: performance.now(),
      monoUs: Number(process.hrtime.bigint() / 1000n),
    };
    // CPU over the sending window only (the drain after it is quieter)
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    const wall = performance.now() - cpu0.wall;
    const pct = (ms) => (ms / wall) * 100;
    const cpu = {
      server: pct(procCpuMs(target.proc.child.pid) - cpu0.server),
      pg:
        target === targets.twinning ? pct(target.pgPids.reduce((sum, pid) => sum + procCpuMs(pid), 0) - cpu0.pg) : NaN,
      clients: pct(selfCpuMs() - cpu0.clients),
      machine: pct(machineCpuMs().busy - cpu0.machine),
    };
    const windowUs = [cpu0.monoUs, Number(process.hrtime.bigint() / 1000n)];
    const parts = await Promise.all(results);
    const sum = (key) => parts.reduce((acc, p) => acc + p[key], 0);
    const windowS = Math.max(...parts.map((p) => p.windowMs)) / 1000;
    const latencies = Float64Array.from(parts.flatMap((p) => Array.from(p.latencies))).sort();
    const ackLatencies = Float64Array.from(parts.flatMap((p) => Array.from(p.ackLatencies))).sort();
    const refused = {};
    for (const p of parts) for (const [code, n] of Object.entries(p.refused)) refused[code] = (refused[code] ?? 0) + n;
    return {
      server: target.label,
      phase: name,
      mode,
      targetRate: mode === 'rate' ? totalRate : null,
      windowS,
      sent: sum('sent'),
      acked: sum('acked'),
      ackedPerS: sum('ackedInWindow') / windowS,
      deliveredPerS: sum('deliveriesInWindow') / windowS,
      deliveries: sum('deliveries'),
      expected: sum('acked') * C,
      lost: sum('lost'),
      duplicates: sum('duplicates'),
      ackTimeouts: sum('ackTimeouts'),
      refused,
      skipped: sum('skipped'),
      disconnects: sum('disconnects'),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : NaN,
      ackP50: percentile(ackLatencies, 50),
      ackP99: percentile(ackLatencies, 99),
      cpu,
      windowUs,
    };
  }

  const rows = [];
  const order = servers.includes('bare') && servers.includes('twinning') ? ['bare', 'twinning'] : servers;
  for (const key of order) {
    const target = targets[key];
    // what the rest of the machine is doing before we start (other processes skew everything)
    const before = machineCpuMs().busy;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    target.busyBefore = ((machineCpuMs().busy - before) / 2000) * 100;
    log(`${target.label}: the machine was ${Math.round(target.busyBefore)} % busy (of one core) before this run`);
    log(`${target.label}: connecting ${R * C} clients (${R} rooms × ${C}) with ${workerCount} client worker(s)…`);
    await Promise.all(
      workers.map((worker, i) => call(worker, { cmd: 'connect', url: target.url, assignments: assignments[i] })),
    ).catch((err) => die(`${target.label}: ${err.message}\n${target.proc.output.join('').slice(-3000)}`));
    if (warmupS > 0) {
      log(`${target.label}: warm-up ${warmupS} s at ${rate} msg/s`);
      await runPhase(target, 'warmup', 'rate', rate);
    }
    log(`${target.label}: fixed rate ${rate} msg/s for ${durationS} s`);
    const fixed = await runPhase(target, 'fixed', 'rate', rate);
    rows.push(fixed);
    log(`${target.label}: flat out (window ${window} per sender) for ${durationS} s`);
    const flat = await runPhase(target, 'flat', 'flat', 0);
    rows.push(flat);
    const half = Math.max(1, Math.round(flat.ackedPerS / 2));
    log(`${target.label}: half of saturation, ${half} msg/s, for ${durationS} s`);
    rows.push(await runPhase(target, 'half', 'rate', half));
    await Promise.all(workers.map((worker) => call(worker, { cmd: 'close' })));
    for (const row of rows.filter((r) => r.server === target.label)) {
      log(
        `  ${row.phase}: ${rate0(row.ackedPerS)} sent/s, ${rate0(row.deliveredPerS)} delivered/s, p99 ${ms(row.p99)} ms, lost ${row.lost}, dup ${row.duplicates}`,
      );
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));

  // --- profile -------------------------------------------------------------------------------------
  const profileReports = [];
  if (args.profile) {
    for (const key of order) {
      const target = targets[key];
      target.proc.child.kill('SIGTERM'); // the profile is written when the process exits
      await target.proc.exited;
      const file = readdirSync(target.profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) die(`no CPU profile was written to ${target.profileDir}`);
      const profile = JSON.parse(readFileSync(path.join(target.profileDir, file), 'utf8'));
      const flat = rows.find((r) => r.server === target.label && r.phase === 'flat');
      profileReports.push(
        summariseProfile(target.label, profile, flat.windowUs, target.spawnedAtUs, path.join(target.profileDir, file)),
      );
    }
  }
  const profileReport = profileReports.join('\n\n');

  // --- report --------------------------------------------------------------------------------------
  const report = buildReport({
    busyBefore: order.map((key) => `${pct0(targets[key].busyBefore)} (${targets[key].label})`).join(', '),
    rows,
    R,
    C,
    S,
    rate,
    durationS,
    warmupS,
    window,
    workerCount,
    bodySize,
    redis: !!args['redis-url'],
    profiled: args.profile,
    profileReport,
    pool,
  });
  const text = await report;
  console.log('\n' + text);
  mkdirSync(args.out, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const file = path.join(args.out, `${stamp}-rooms.md`);
  writeFileSync(file, text + '\n');
  log(`written to ${path.relative(root, file)}`);

  await pool?.end();
  for (const target of Object.values(targets)) {
    if (target.proc.child.exitCode === null && target.proc.child.signalCode === null) {
      target.proc.child.kill('SIGTERM');
      await target.proc.exited;
    }
  }
  if (embedded) await embedded.stop();
  const failed = rows.some(
    (r) =>
      r.lost > 0 || r.duplicates > 0 || r.ackTimeouts > 0 || Object.keys(r.refused).length > 0 || r.disconnects > 0,
  );
  process.exit(failed ? 1 : 0);
}

// =================================================================================================
// Helpers
// =================================================================================================

function ms(value) {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function rate0(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

function pct0(value) {
  return Number.isFinite(value) ? `${Math.round(value)} %` : '–';
}

function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–';
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/**
 * Self time per function in the CPU profile, over the flat-out window only. V8 stamps samples with
 * the monotonic clock (µs), the same clock as process.hrtime here, so the window cuts out start-up
 * and the other phases.
 */
function summariseProfile(label, profile, [fromUs, toUs], spawnedAtUs, file) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const areas = new Map();
  let total = 0;
  let t = profile.startTime;
  const clockOk = Math.abs(profile.startTime - spawnedAtUs) < 60_000_000;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (clockOk && (t < fromUs || t > toUs)) continue;
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const frame = byId.get(profile.samples[i]).callFrame;
    const where = shortUrl(frame.url);
    const key = `${frame.functionName || '(anonymous)'}${where ? ` — ${where}:${frame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + dt);
    total += dt;
  }
  const idle = (areas.get('(idle)') ?? 0) / total;
  const busy = total - (areas.get('(idle)') ?? 0);
  const top = (map, n) =>
    [...map.entries()]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const lines = [
    `**${label}**: CPU profile of the server process (\`node --cpu-prof\`), ${clockOk ? 'flat-out window only' : 'whole run (clock mismatch: could not cut the window)'}: ` +
      `${(total / 1e6).toFixed(1)} s sampled, main thread idle ${(idle * 100).toFixed(0)} %. Shares below are of the busy time. ` +
      `Profile: \`${file}\` (open it in Chrome DevTools → Performance).`,
    '',
    '`writev` is the system call that writes to the sockets; on loopback the kernel delivers to the receiving ' +
      'client inside it. The profiler samples wall-clock time, so time the process spent preempted by other ' +
      'processes also lands mostly there: compare with the CPU columns above before reading it as cost.',
    '',
    '| Where the busy time went | Self time | Share |',
    '|---|--:|--:|',
    ...top(areas, 15).map(([k, v]) => `| ${k} | ${(v / 1000).toFixed(0)} ms | ${((v / busy) * 100).toFixed(1)} % |`),
    '',
    '| Top functions by self time | Self time | Share |',
    '|---|--:|--:|',
    ...top(self, 25).map(
      ([k, v]) =>
        `| \`${k.replace(/\|/g, '\\|')}\` | ${(v / 1000).toFixed(0)} ms | ${((v / busy) * 100).toFixed(1)} % |`,
    ),
  ];
  return lines.join('\n');
}

function shortUrl(url) {
  if (!url) return '';
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(root)) u = u.slice(root.length + 1);
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) u = u.slice(nm + 'node_modules/'.length);
  return u;
}

/** Coarse groups, so the profile says which layer costs what. */
function areaOf(frame) {
  const name = frame.functionName;
  if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(name)) return name;
  const u = frame.url || '';
  if (!u) return name === 'writev' ? 'socket writes (native writev; see the note)' : `native: ${name || '(anonymous)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1];
  const groups = [
    [
      'PostgreSQL driver + TypeORM',
      [
        'pg',
        'pg-protocol',
        'pg-pool',
        'pg-types',
        'postgres-date',
        'postgres-array',
        'postgres-bytea',
        'postgres-interval',
        'typeorm',
      ],
    ],
    [
      'Markdown render + sanitise',
      [
        'markdown-it',
        'sanitize-html',
        'htmlparser2',
        'linkify-it',
        'mdurl',
        'uc.micro',
        'entities',
        'domhandler',
        'domutils',
        'dom-serializer',
        'domelementtype',
        'parse-srcset',
        'postcss',
        'punycode.js',
        'is-plain-object',
        'deepmerge',
        'escape-string-regexp',
      ],
    ],
    [
      'socket.io / engine.io / ws',
      [
        'socket.io',
        'socket.io-parser',
        'socket.io-adapter',
        'engine.io',
        'engine.io-parser',
        'ws',
        'debug',
        '@socket.io/component-emitter',
        '@socket.io/redis-streams-adapter',
        'ioredis',
      ],
    ],
    [
      'Nest + rxjs (gateway pipeline)',
      [
        '@nestjs/core',
        '@nestjs/common',
        '@nestjs/websockets',
        '@nestjs/platform-socket.io',
        '@nestjs/platform-fastify',
        'rxjs',
        'reflect-metadata',
        'iterare',
      ],
    ],
    ['Rate limiter', ['rate-limiter-flexible']],
  ];
  for (const [group, packages] of groups) if (pkg && packages.includes(pkg)) return group;
  if (pkg) return `other package: ${pkg}`;
  if (u.includes('/dist/apps/api/')) return 'Twinning code';
  if (u.includes('/libs/contracts/')) return 'Twinning contracts';
  if (u.startsWith('node:')) return 'Node core (streams, events, net, timers…)';
  return shortUrl(u);
}

async function buildReport({
  busyBefore,
  rows,
  R,
  C,
  S,
  rate,
  durationS,
  warmupS,
  window,
  workerCount,
  bodySize,
  redis,
  profiled,
  profileReport,
  pool,
}) {
  let pgVersion = '';
  if (pool) pgVersion = (await pool.query('SHOW server_version')).rows[0].server_version;
  const cpus = os.cpus();
  const header = [
    `# Room fan-out benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Commit ${gitDescription()}. ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` +
      (pgVersion ? `, PostgreSQL ${pgVersion}` : '') +
      `. ${R} rooms × ${C} clients (${R * C} websockets), ${S} senders per room, ${bodySize}-character bodies; ` +
      `${durationS} s per phase after a ${warmupS} s warm-up; flat out keeps ${window} send(s) outstanding per sender; ` +
      `clients in ${workerCount} worker thread(s) of the benchmark process. Twinning: built dist, NODE_ENV=production, ` +
      `one process${redis ? ' with REDIS_URL (Redis streams adapter)' : ', no Redis'}, rate limit raised through WORKSHOP_MESSAGE_RATE_LIMIT` +
      `${profiled ? ', **servers profiled with --cpu-prof** (a few % slower)' : ''}. ` +
      `Other processes kept the machine ${busyBefore} busy (of one core) in the 2 s before each server's run.`,
    '',
    "Latency: from the sender's emit to each receiver's `message.created` (the sender included), all in one clock. " +
      'Delivered/s: `message.created` events received by all clients during the sending window. Lost: acknowledged ' +
      'messages a room member never received (after a drain). CPU: % of one core over the sending window.',
    '',
  ];
  const table = [
    '| Server | Phase | Target msg/s | Acked msg/s | Delivered msg/s | p50 ms | p95 ms | p99 ms | max ms | ack p99 ms | Lost | Dup | Timeouts / refused / skipped | CPU server | CPU PostgreSQL | CPU clients | CPU machine |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.server} | ${r.phase} | ${r.targetRate === null ? 'flat out' : rate0(r.targetRate)} | ${rate0(r.ackedPerS)} | ${rate0(r.deliveredPerS)} | ` +
        `${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.ackP99)} | ${r.lost} | ${r.duplicates} | ` +
        `${r.ackTimeouts} / ${Object.values(r.refused).reduce((a, b) => a + b, 0)} / ${r.skipped} | ${pct0(r.cpu.server)} | ${pct0(r.cpu.pg)} | ${pct0(r.cpu.clients)} | ${pct0(r.cpu.machine)} |`,
    ),
  ];
  const find = (server, phase) => rows.find((r) => r.server === server && r.phase === phase);
  const summary = [];
  if (find('Twinning', 'flat') && find('bare socket.io 4.8', 'flat')) {
    const tw = (p) => find('Twinning', p);
    const bare = (p) => find('bare socket.io 4.8', p);
    const throughputRatio = tw('flat').deliveredPerS / bare('flat').deliveredPerS;
    const p99Ratio = tw('half').p99 / bare('half').p99;
    summary.push(
      '',
      '| Measure | Twinning | bare socket.io | Twinning ÷ bare | Target |',
      '|---|--:|--:|--:|---|',
      `| Delivered msg/s, flat out (saturation) | ${rate0(tw('flat').deliveredPerS)} | ${rate0(bare('flat').deliveredPerS)} | ${ratio(tw('flat').deliveredPerS, bare('flat').deliveredPerS)} | ≥ 0.50× ${throughputRatio >= 0.5 ? '✅' : '❌'} |`,
      `| Acked sends/s, flat out | ${rate0(tw('flat').ackedPerS)} | ${rate0(bare('flat').ackedPerS)} | ${ratio(tw('flat').ackedPerS, bare('flat').ackedPerS)} | |`,
      `| p99 ms at half of own saturation (${rate0(tw('half').targetRate)} vs ${rate0(bare('half').targetRate)} msg/s) | ${ms(tw('half').p99)} | ${ms(bare('half').p99)} | ${ratio(tw('half').p99, bare('half').p99)} | ≤ 2× ${p99Ratio <= 2 ? '✅' : '❌'} |`,
      `| p99 ms at the fixed ${rate0(rate)} msg/s | ${ms(tw('fixed').p99)} | ${ms(bare('fixed').p99)} | ${ratio(tw('fixed').p99, bare('fixed').p99)} | |`,
      `| Lost / duplicated (all phases) | ${sumOf(rows, 'Twinning', 'lost')} / ${sumOf(rows, 'Twinning', 'duplicates')} | ${sumOf(rows, 'bare socket.io 4.8', 'lost')} / ${sumOf(rows, 'bare socket.io 4.8', 'duplicates')} | | 0 / 0 |`,
    );
  }
  const problems = rows
    .filter((r) => r.lost || r.duplicates || r.ackTimeouts || Object.keys(r.refused).length || r.disconnects)
    .map(
      (r) =>
        `- ${r.server}, ${r.phase}: lost ${r.lost}, duplicated ${r.duplicates}, ack timeouts ${r.ackTimeouts}, ` +
        `refused ${JSON.stringify(r.refused)}, disconnects ${r.disconnects}`,
    );
  return [
    ...header,
    ...table,
    ...summary,
    ...(problems.length ? ['', '**Problems:**', ...problems] : []),
    ...(profileReport ? ['', profileReport] : []),
  ].join('\n');
}

function sumOf(rows, server, key) {
  return rows.filter((r) => r.server === server).reduce((a, r) => a + r[key], 0);
}
