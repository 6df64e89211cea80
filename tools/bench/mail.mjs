#!/usr/bin/env node
// Mail benchmark (not part of npm test, never run by CI). See tools/bench/README.md, "Mail".
//
//   npm run bench:mail -- [--database-url postgres://…] [--burst 2000] [--digest-users 10000]
//     [--readers 8] [--baseline 10] [--out tools/bench/results]
//
// Starts the built API (dist/, NODE_ENV=production, demo data) on a fresh database with SMTP_URL
// pointing at an SMTP server inside this process (smtp-server, the one the tests use), then:
//   1. reads a public forum's thread list with --readers concurrent clients for --baseline seconds;
//   2. burst: a facilitator opens a workshop with --burst registrants, which notifies each of them
//      (`workshop.live` is mailed immediately, never delayed): mails/s, time until the last one
//      arrives, CPU of the API and of PostgreSQL, and the thread list's p99 while it runs;
//   3. digest: --digest-users users each hold a notification of a daily kind; one digest tick runs
//      at 08:05 in their zone: the same measures.
// Writes a Markdown report to tools/bench/results/<date>-mail.md.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  apiEnv,
  databaseUrlOption,
  freePort,
  freshDatabase,
  percentile,
  postgresCpuMs,
  procCpuMs,
  root,
  spawnApi,
  waitUntilHealthy,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { PgBoss } = require('pg-boss');

const { values: args } = parseArgs({
  options: {
    'database-url': databaseUrlOption,
    burst: { type: 'string', default: '2000' },
    'digest-users': { type: 'string', default: '10000' },
    readers: { type: 'string', default: '8' },
    baseline: { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(root, 'tools', 'bench', 'results') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'Usage: npm run bench:mail -- [--database-url postgres://… --burst 2000 --digest-users 10000 --readers 8 --baseline 10]',
  );
  process.exit(0);
}
const BURST = Number(args.burst);
const DIGEST_USERS = Number(args['digest-users']);
const READERS = Number(args.readers);
const BASELINE_S = Number(args.baseline);
const DB_NAME = 'twinning_bench_mail';
const DOMAIN = 'bench.twinning.test';
const DEMO_PASSWORD = 'twinning-demo-2026';
/** UTC+8 all year: the digest tick runs at 08:05 there. */
const DIGEST_ZONES = ['Asia/Kuala_Lumpur', 'Asia/Singapore', 'Asia/Manila', 'Australia/Perth', 'Asia/Shanghai'];
const LANGS = ['en', 'fr', 'es', 'ar'];

const log = (m) => console.log(`[bench:mail] ${m}`);
const die = (m) => {
  console.error(`[bench:mail] ${m}`);
  cleanup();
  process.exit(1);
};

const children = new Set();
function cleanup() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

// --- measuring ------------------------------------------------------------------------------------
const fmt = (v, digits = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–';

/** Readers of the thread list until `stop()`: every latency in ms, and the failures. */
function startReaders(url, count, headers) {
  const latencies = [];
  let failures = 0;
  let running = true;
  const loops = Array.from({ length: count }, async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - started);
        else failures++;
      } catch {
        failures++;
      }
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      const sorted = latencies.sort((a, b) => a - b);
      return { count: sorted.length, failures, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    },
  };
}

// --- SMTP sink ------------------------------------------------------------------------------------
const received = [];
const sink = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    let bytes = 0;
    let subject = '';
    let head = '';
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (head.length < 8192) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? '';
      received.push({ at: performance.now(), to: session.envelope.rcptTo.map((r) => r.address), bytes, subject });
      callback();
    });
  },
});

const toBenchUser = (m) => m.to.some((a) => a.endsWith(`@${DOMAIN}`));

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) die(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const mainJs = path.join(root, 'dist/apps/api/main.js');
  if (!existsSync(mainJs)) die('dist/apps/api/main.js is missing: run `npm run build` first.');

  const smtpPort = await freePort();
  await new Promise((resolve) => sink.listen(smtpPort, '127.0.0.1', resolve));
  log(`SMTP sink on 127.0.0.1:${smtpPort}`);

  const databaseUrl = await freshDatabase(args['database-url'], DB_NAME);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnApi(mainJs, {
    ...apiEnv({
      port,
      databaseUrl,
      jwtSecret: 'mail-bench-secret-at-least-32-characters-long',
      dataDirPrefix: 'twinning-mail-bench-',
    }),
    CORS_ORIGINS: base,
    PUBLIC_URL: base,
    SEED_DEMO: 'true',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Twinning <no-reply@twinning.bench>',
    MAIL_IMMEDIATE_DELAY_SECONDS: '0',
    AUTH_RATE_LIMIT_PER_IP: '1000000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '1000000',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
  });
  children.add(child);
  child.on('exit', (code) => {
    if (children.has(child)) die(`the API exited (${code}):\n${child.output.join('').slice(-4000)}`);
  });
  await waitUntilHealthy(child, base, 120_000).catch((err) => die(err.message));
  log(`API (pid ${child.pid}) on ${base}`);

  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const forum = (await db.query(`SELECT id FROM forums WHERE partnership_id IS NULL ORDER BY created_at LIMIT 1`))
    .rows[0];
  if (!forum) die('the demo data has no public forum');
  const readUrl = `${base}/api/forums/${forum.id}/threads`;

  // Users: verified, across languages; burst recipients anywhere, digest readers in UTC+8 zones.
  const total = Math.max(BURST, DIGEST_USERS);
  log(`inserting ${total} users`);
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, preferred_language, time_zone, email_verified_at)
     SELECT 'bench-' || i || '@${DOMAIN}', 'not-a-password-hash', 'Bench official ' || i,
            ($2::text[])[1 + i % 4], ($3::text[])[1 + i % ${DIGEST_ZONES.length}], now()
       FROM generate_series(1, $1::int) AS i`,
    [total, LANGS, DIGEST_ZONES],
  );

  const facilitator = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'facilitator@twinning.demo', password: DEMO_PASSWORD }),
  }).then((r) => r.json());
  if (!facilitator.accessToken) die(`facilitator login failed: ${JSON.stringify(facilitator)}`);
  const facilitatorId = facilitator.user.id;
  const readHeaders = { authorization: `Bearer ${facilitator.accessToken}` };

  const report = [];
  const phase = async (name, trigger, expected, filter) => {
    const before = received.filter(filter).length;
    const apiCpu0 = procCpuMs(child.pid);
    const pgCpu0 = postgresCpuMs();
    const readers = startReaders(readUrl, READERS, readHeaders);
    const t0 = performance.now();
    const triggerMs = await trigger();
    await waitFor(
      () => received.filter(filter).length - before >= expected,
      30 * 60_000,
      `${expected} mails (${name})`,
    );
    const tLast = performance.now();
    const reads = await readers.stop();
    const elapsed = (tLast - t0) / 1000;
    const arrivals = received.filter(filter).slice(before);
    const firstAt = arrivals[0].at;
    report.push({
      name,
      mails: arrivals.length,
      triggerMs,
      firstS: (firstAt - t0) / 1000,
      lastS: elapsed,
      rate: arrivals.length / ((tLast - firstAt) / 1000 || 1),
      apiCpu: (procCpuMs(child.pid) - apiCpu0) / 1000,
      pgCpu: (postgresCpuMs() - pgCpu0) / 1000,
      bytes: arrivals.reduce((s, m) => s + m.bytes, 0) / arrivals.length,
      reads,
    });
    log(
      `${name}: ${arrivals.length} mails, last after ${elapsed.toFixed(1)} s; thread list p99 ${reads.p99.toFixed(1)} ms`,
    );
  };

  // 1. Baseline read path.
  log(`baseline: ${READERS} readers for ${BASELINE_S} s`);
  {
    const readers = startReaders(readUrl, READERS, readHeaders);
    const apiCpu0 = procCpuMs(child.pid);
    await new Promise((r) => setTimeout(r, BASELINE_S * 1000));
    const reads = await readers.stop();
    report.push({ name: 'baseline (no mail)', reads, apiCpu: (procCpuMs(child.pid) - apiCpu0) / 1000 });
  }

  // 2. Burst: a workshop with BURST registrants goes live.
  if (BURST > 0) await burstPhase();
  // 3. Digest.
  if (DIGEST_USERS > 0) await digestPhase();
  await db.end();

  async function burstPhase() {
    const workshop = (
      await db.query(
        `INSERT INTO workshops (title, description, theme, language, scope, starts_at, ends_at, created_by)
       VALUES ('Bench workshop: integration in practice', '', 'integration', 'en', 'public',
               now() + interval '5 minutes', now() + interval '2 hours', $1)
       RETURNING id`,
        [facilitatorId],
      )
    ).rows[0];
    await db.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
      workshop.id,
      facilitatorId,
    ]);
    await db.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id)
     SELECT $1, id FROM users WHERE email LIKE '%@${DOMAIN}' ORDER BY email LIMIT $2`,
      [workshop.id, BURST],
    );
    await db.query(`UPDATE workshops SET registered_count = $2 WHERE id = $1`, [workshop.id, BURST]);
    await phase(
      `burst: workshop live → ${BURST} mails`,
      async () => {
        const started = performance.now();
        const res = await fetch(`${base}/api/workshops/${workshop.id}/open`, {
          method: 'POST',
          headers: { authorization: `Bearer ${facilitator.accessToken}` },
        });
        if (!res.ok) die(`opening the workshop failed: ${res.status} ${await res.text()}`);
        return performance.now() - started;
      },
      BURST,
      toBenchUser,
    );
  }

  async function digestPhase() {
    // The tick runs for the latest past 08:05 in UTC+8 that is not a Monday (daily digests only):
    // the digest tick job takes a past instant as `{ at }` (an operator's re-run of a missed window).
    const at = new Date();
    at.setUTCHours(0, 5, 0, 0);
    if (at > new Date()) at.setUTCDate(at.getUTCDate() - 1);
    if (at.getUTCDay() === 1) at.setUTCDate(at.getUTCDate() - 1);
    // Every digest user holds an unread daily-kind notification (a reply in a watched thread).
    const thread = (await db.query(`SELECT id, forum_id, title FROM threads WHERE forum_id = $1 LIMIT 1`, [forum.id]))
      .rows[0];
    await db.query(
      `INSERT INTO notifications (user_id, kind, created_at, payload)
     SELECT id, 'forum.reply', $6::timestamptz - interval '1 hour', jsonb_build_object(
              'actor', jsonb_build_object('id', $1::text, 'displayName', 'Demo facilitator'),
              'thread', jsonb_build_object('id', $2::text, 'title', $3::text, 'forumId', $4::text),
              'postId', $2::text, 'seq', 2, 'excerpt', 'What worked for the first cohort of newcomers …')
       FROM users WHERE email LIKE '%@${DOMAIN}' ORDER BY email LIMIT $5`,
      [facilitatorId, thread.id, thread.title, thread.forum_id, DIGEST_USERS, at.toISOString()],
    );
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' });
    boss.on('error', () => undefined);
    await boss.start();
    await phase(
      `digest: ${DIGEST_USERS} users at 08:05 local`,
      async () => {
        const started = performance.now();
        await boss.send('digests.tick', { at: at.toISOString() });
        return performance.now() - started;
      },
      DIGEST_USERS,
      toBenchUser,
    );
    await boss.stop({ graceful: false }).catch(() => undefined);
  }

  children.delete(child);
  child.kill('SIGTERM');
  await new Promise((resolve) => sink.close(resolve));

  // --- report ------------------------------------------------------------------------------------
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  const cpus = os.cpus();
  const lines = [
    `# Mail benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Commit ${commit}. ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
      `Built API (NODE_ENV=production, demo data, MAIL_IMMEDIATE_DELAY_SECONDS=0) sending through SMTP to an in-process smtp-server; ` +
      `${READERS} clients read a public forum's thread list (GET /api/forums/:id/threads) throughout.`,
    '',
    '| phase | mails | request (ms) | first mail (s) | last mail (s) | mails/s | API CPU (s) | PostgreSQL CPU (s) | mail size (KB) | thread list p50 (ms) | p99 (ms) | reads |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...report.map(
      (r) =>
        `| ${r.name} | ${fmt(r.mails)} | ${fmt(r.triggerMs, 1)} | ${fmt(r.firstS, 2)} | ${fmt(r.lastS, 1)} | ${fmt(r.rate)} | ` +
        `${fmt(r.apiCpu, 1)} | ${fmt(r.pgCpu, 1)} | ${fmt(r.bytes / 1024, 1)} | ${fmt(r.reads.p50, 1)} | ${fmt(r.reads.p99, 1)} | ${fmt(r.reads.count)}${r.reads.failures ? ` (${r.reads.failures} failed)` : ''} |`,
    ),
    '',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  mkdirSync(args.out, { recursive: true });
  const file = path.join(
    args.out,
    `${new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-mail.md`,
  );
  writeFileSync(file, text);
  log(`wrote ${path.relative(root, file)}`);
  process.exit(0);
}

main().catch((err) => die(err.stack ?? String(err)));
