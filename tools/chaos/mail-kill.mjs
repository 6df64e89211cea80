#!/usr/bin/env node
// Chaos experiment (not part of npm test): SIGKILL the built API while it sends queued mail.
//
//   node tools/chaos/mail-kill.mjs [--mails 500] [--kill-after 150] [--smtp-delay-ms 20] [--wait-s 1200]
//     [--smtp-outage-s 0] [--mode kill|pgdrop] [--instances 1]
//
// --mode pgdrop terminates every PostgreSQL connection of the database three times, 3 s apart,
// instead of killing the API. --instances 2 runs two APIs on the database; kill mode kills the
// first and does not restart it (the second must finish the work).
// Starts dist/apps/api/main.js (NODE_ENV=production) on a fresh database with SMTP_URL pointing at
// an smtp-server in this process (answering each mail after --smtp-delay-ms), queues --mails mails
// (mail_messages rows + mail.send jobs, as MailService.enqueue writes them), SIGKILLs the API once
// --kill-after mails have arrived, restarts it and waits until every mail arrived or --wait-s
// passed. With --smtp-outage-s the SMTP server is closed that long right after the restart.
// Prints how many arrived, how many twice (and whether those were in the 250-then-crash window),
// and the mails' final states.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { apiEnv, databaseUrlOption, freePort, freshDatabase, root, spawnApi, waitUntilHealthy } from '../bench/lib.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { PgBoss } = require('pg-boss');
// the options MailService.enqueue gives each mail.send job (retries, back-off, heartbeat)
const { mailRetryOptions } = require(path.join(root, 'dist/apps/api/mail/mail-retry.js'));

const { values: args } = parseArgs({
  options: {
    'database-url': databaseUrlOption,
    mails: { type: 'string', default: '500' },
    'kill-after': { type: 'string', default: '150' },
    'smtp-delay-ms': { type: 'string', default: '20' },
    'smtp-outage-s': { type: 'string', default: '0' },
    'wait-s': { type: 'string', default: '1200' },
    'db-name': { type: 'string', default: 'twinning_chaos_mail' },
    mode: { type: 'string', default: 'kill' },
    instances: { type: 'string', default: '1' },
  },
});
const MAILS = Number(args.mails);
const KILL_AFTER = Number(args['kill-after']);
const DELAY = Number(args['smtp-delay-ms']);
const log = (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Message-ID → how many times it arrived. */
const arrivals = new Map();
let total = 0;
function makeSink() {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c) => {
        if (head.length < 4096) head += c.toString('utf8');
      });
      stream.on('end', () =>
        setTimeout(() => {
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? 'none';
          arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
          total++;
          callback();
        }, DELAY),
      );
    },
  });
  server.on('error', () => undefined); // the killed API's connections reset
  return server;
}

async function main() {
  const mainJs = path.join(root, 'dist/apps/api/main.js');
  if (!existsSync(mainJs)) throw new Error('run `npm run build` first');
  const smtpPort = await freePort();
  let sink = makeSink();
  await new Promise((r) => sink.listen(smtpPort, '127.0.0.1', r));

  const databaseUrl = await freshDatabase(args['database-url'], args['db-name']);
  const ports = [];
  for (let i = 0; i < Number(args.instances); i++) ports.push(await freePort());
  const port = ports[0];
  const env = {
    ...apiEnv({
      port,
      databaseUrl,
      jwtSecret: 'mail-chaos-secret-at-least-32-characters-long',
      dataDirPrefix: 'twinning-mail-chaos-',
    }),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO: 'false',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Twinning <no-reply@chaos.twinning.test>',
    MAIL_RETRY_DELAY_SECONDS: '1',
  };
  const start = async (onPort = port) => {
    const child = spawnApi(mainJs, { ...env, PORT: String(onPort) });
    await waitUntilHealthy(child, `http://127.0.0.1:${onPort}`, 120_000);
    return child;
  };
  let api = await start();
  const others = [];
  for (const p of ports.slice(1)) others.push(await start(p));
  log(`API pids ${[api, ...others].map((c) => c.pid).join(', ')}; SMTP sink on ${smtpPort}`);

  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  db.on('error', () => undefined); // pgdrop terminates our connections too
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('mail.send');
  const ids = [];
  for (let i = 0; i < MAILS; i++) {
    const id = randomUUID();
    ids.push(id);
    await db.query(
      `INSERT INTO mail_messages (id, message_id, user_id, to_address, category, subject, html, text, headers, status)
       VALUES ($1, $2, NULL, $3, 'chaos.test', $4, '<p>x</p>', 'x', '{}'::jsonb, 'queued')`,
      [id, `<${id}@chaos.twinning.test>`, `rcpt-${i}@example.test`, `Mail ${i}`],
    );
  }
  const o = mailRetryOptions(1);
  const jobOptions = {
    retryLimit: o.retryLimit,
    retryDelay: o.retryDelaySeconds,
    retryBackoff: o.retryBackoff,
    retryDelayMax: o.retryDelayMaxSeconds,
    ...(o.heartbeatSeconds ? { heartbeatSeconds: o.heartbeatSeconds } : {}),
  };
  await boss.insert(
    'mail.send',
    ids.map((mailId) => ({ data: { mailId }, ...jobOptions })),
  );
  await boss.stop({ graceful: false });
  log(`${MAILS} mails queued`);

  while (total < KILL_AFTER) await new Promise((r) => setTimeout(r, 5));
  const states = async () =>
    Object.fromEntries(
      (await db.query(`SELECT status, count(*)::int AS n FROM mail_messages GROUP BY status`)).rows.map((r) => [
        r.status,
        r.n,
      ]),
    );
  const jobStates = async () =>
    Object.fromEntries(
      (
        await db.query(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' GROUP BY state`)
      ).rows.map((r) => [r.state, r.n]),
    );
  const restartedAt = Date.now();
  if (args.mode === 'pgdrop') {
    const admin2 = new pg.Client({ connectionString: args['database-url'] });
    await admin2.connect();
    for (let i = 0; i < 3; i++) {
      const { rowCount } = await admin2.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [args['db-name']],
      );
      log(`terminated ${rowCount} connections after ${total} arrivals`);
      await new Promise((r) => setTimeout(r, 3000));
    }
    await admin2.end();
  } else {
    api.kill('SIGKILL');
    await new Promise((r) => api.once('exit', r));
    log(
      `SIGKILL after ${total} arrivals; mails ${JSON.stringify(await states())}; jobs ${JSON.stringify(await jobStates())}`,
    );
    const outage = Number(args['smtp-outage-s']);
    if (outage > 0) {
      await new Promise((r) => sink.close(r));
      log(`SMTP down for ${outage}s`);
    }
    if (others.length === 0) {
      api = await start();
      log(`restarted (pid ${api.pid})`);
    } else {
      api = others.shift();
      log(`not restarted: ${others.length + 1} instance(s) left`);
    }
    if (outage > 0) {
      await new Promise((r) => setTimeout(r, outage * 1000));
      sink = makeSink();
      await new Promise((r) => sink.listen(smtpPort, '127.0.0.1', r));
      log(`SMTP back; mails ${JSON.stringify(await states())}`);
    }
  }
  const deadline = Date.now() + Number(args['wait-s']) * 1000;
  let lastReport = 0;
  while (ids.some((id) => !arrivals.has(`<${id}@chaos.twinning.test>`)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(
        `distinct ${arrivals.size}/${MAILS}; mails ${JSON.stringify(await states())}; jobs ${JSON.stringify(await jobStates())}`,
      );
    }
  }
  const missing = ids.filter((id) => !arrivals.has(`<${id}@chaos.twinning.test>`));
  const twice = [...arrivals.entries()].filter(([, n]) => n > 1);
  log(
    `done ${((Date.now() - restartedAt) / 1000).toFixed(0)}s after the kill/drop: distinct ${arrivals.size}/${MAILS}, ` +
      `missing ${missing.length}, duplicates ${twice.length} (${twice.map(([id]) => id).join(' ')})`,
  );
  log(`mails ${JSON.stringify(await states())}; jobs ${JSON.stringify(await jobStates())}`);
  for (const child of [api, ...others]) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await db.end();
  sink.close();
  process.exit(missing.length ? 1 : 0);
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
