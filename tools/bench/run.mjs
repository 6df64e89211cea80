#!/usr/bin/env node
// HTTP benchmark of the forum read paths, with the same work done straight in PostgreSQL beside it
// (not part of npm test, never run by CI). See tools/bench/README.md.
//
//   npm run bench -- --url http://127.0.0.1:3000 --database-url postgres://… \
//     [--connections 50] [--duration 20] [--warmup 3] [--users 4] [--scenarios thread-list,thread,posts,search]
//     [--search-word integration] [--password twinning-bench-2026] [--out tools/bench/results] [--explain]
//
// Needs a running API whose database holds data from tools/data/generate.mjs. Logs in a few
// generated users, picks real ids and a common search word from the database, then for each
// scenario runs autocannon against the API and, with the same concurrency and duration, the
// route's core SQL through a pg Pool. Prints a Markdown table, writes it to
// tools/bench/results/<date>.md, and exits non-zero when any request or query failed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { CORE_SQL, prepareSearch, readableForumsSql } from './queries.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EMAIL_DOMAIN = 'bench.twinning.test';
const SCENARIOS = ['thread-list', 'thread', 'posts', 'search', 'home'];

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    users: { type: 'string', default: '4' },
    'threads-per-user': { type: 'string', default: '25' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    'search-word': { type: 'string' },
    explain: { type: 'boolean', default: false },
    password: { type: 'string', default: 'twinning-bench-2026' },
    out: { type: 'string', default: path.join(root, 'tools', 'bench', 'results') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(
    'Usage: npm run bench -- --url http://127.0.0.1:3000 --database-url postgres://… ' +
      '[--connections 50 --duration 20 --warmup 3 --users 4 --scenarios thread-list,thread,posts,search]\n' +
      'See tools/bench/README.md.',
  );
  process.exit(0);
}

function die(message) {
  console.error(`[bench] ${message}`);
  process.exit(1);
}

function whole(name, min) {
  const raw = args[name];
  if (!/^\d+$/.test(raw) || Number(raw) < min) die(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
  return Number(raw);
}

const databaseUrl = args['database-url'];
if (!databaseUrl) die('give --database-url postgres://… (or set DATABASE_URL): the database the API uses');
const connections = whole('connections', 1);
const duration = whole('duration', 1);
const warmup = whole('warmup', 0);
const viewerCount = whole('users', 1);
const threadsPerUser = whole('threads-per-user', 1);
const scenarios = args.scenarios.split(',').map((s) => s.trim());
for (const s of scenarios)
  if (!SCENARIOS.includes(s)) die(`unknown scenario "${s}"; choose from ${SCENARIOS.join(', ')}`);
const base = new URL(args.url);

const log = (message) => console.log(`[bench] ${message}`);
const pool = new pg.Pool({ connectionString: databaseUrl, max: connections + 2, application_name: 'twinning-bench' });

// --- helpers -------------------------------------------------------------------------------------

async function http(method, pathname, { token, body } = {}) {
  const res = await fetch(new URL(pathname, base), {
    method,
    headers: {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
const rate = (value) => (Number.isFinite(value) ? value.toFixed(0) : '–');

/** Interleaves per-viewer lists: a0 b0 c0 a1 b1 c1 … so consecutive requests change viewer. */
function interleave(lists) {
  const out = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]);
  }
  return out;
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

// --- measuring -------------------------------------------------------------------------------------

/** autocannon against the API; each request takes the next target (viewer token + path) in turn. */
async function runApi(targets, seconds) {
  let next = 0;
  const result = await autocannon({
    url: base.origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const target = targets[next++ % targets.length];
          return {
            ...req,
            path: target.path,
            headers: { accept: 'application/json', authorization: `Bearer ${target.token}` },
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
  };
}

/** `connections` workers, each on its own pooled connection, running targets' statements in a loop. */
async function runSql(targets, seconds) {
  let next = 0;
  let errors = 0;
  let firstError = null;
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const target = targets[next++ % targets.length];
        const started = performance.now();
        try {
          for (const [sql, params] of target.sql) await client.query(sql, params);
          latencies.push(performance.now() - started);
        } catch (err) {
          errors++;
          firstError ??= err.message;
        }
      }
    } finally {
      client.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    firstError,
  };
}

// --- main ----------------------------------------------------------------------------------------

async function main() {
  const health = await http('GET', '/api/health').catch((err) => die(`${base.origin} does not answer: ${err.message}`));
  if (health.status !== 200) die(`${base.origin}/api/health answered ${health.status}; is the API running there?`);

  const [data] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM users WHERE email LIKE $1)::int AS bench_users,
              (SELECT count(*) FROM cities)::int AS cities, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM partnerships)::int AS partnerships,
              (SELECT count(*) FROM threads)::int AS threads, (SELECT count(*) FROM posts)::int AS posts,
              (SELECT count(*) FROM thread_reads)::int AS thread_reads, version() AS pg`,
      [`%@${EMAIL_DOMAIN}`],
    )
  ).rows;
  if (data.bench_users === 0) die('the database holds no generated users: run tools/data/generate.mjs first');

  // viewers: members of cities in active partnerships whose forums have threads (so access checks
  // do real work and partnership threads are part of the mix)
  const viewers = (
    await pool.query(
      `SELECT u.id, u.email FROM users u
        WHERE u.email LIKE $1 AND u.roles = '{}'
          AND EXISTS (SELECT 1 FROM city_memberships m
                        JOIN partnership_cities pc ON pc.city_id = m.city_id AND pc.status = 'member'
                        JOIN partnerships p ON p.id = pc.partnership_id AND p.status = 'active'
                        JOIN forums f ON f.partnership_id = p.id
                       WHERE m.user_id = u.id AND m.status = 'approved'
                         AND EXISTS (SELECT 1 FROM threads t WHERE t.forum_id = f.id))
        ORDER BY u.email LIMIT $2`,
      [`%@${EMAIL_DOMAIN}`, viewerCount],
    )
  ).rows;
  if (viewers.length === 0) die('found no generated member of an active partnership to sign in as');

  for (const viewer of viewers) {
    const res = await http('POST', '/api/auth/login', { body: { email: viewer.email, password: args.password } });
    if (res.status !== 200 || !res.json?.accessToken) {
      die(`signing in as ${viewer.email} failed: ${res.status} ${res.text.slice(0, 200)} (wrong --password?)`);
    }
    viewer.token = res.json.accessToken;
    viewer.expiresAt = Date.now() + res.json.expiresIn * 1000;
  }
  log(`signed in as ${viewers.map((v) => v.email).join(', ')}`);

  const [busyForum] = (
    await pool.query(
      `SELECT f.id, f.theme, count(*)::int AS threads FROM forums f JOIN threads t ON t.forum_id = f.id
        WHERE f.kind = 'theme' GROUP BY f.id ORDER BY 3 DESC, f.id LIMIT 1`,
    )
  ).rows;

  // the busiest threads each viewer may read: mostly theme forums, some of their partnerships'
  const partnershipShare = Math.max(1, Math.floor(threadsPerUser * 0.4));
  for (const viewer of viewers) {
    viewer.threads = (
      await pool.query(
        `(SELECT t.id, t.forum_id, t.post_count FROM threads t JOIN forums f ON f.id = t.forum_id
           WHERE f.kind = 'theme' ORDER BY t.post_count DESC, t.id LIMIT $2)
         UNION ALL
         (SELECT t.id, t.forum_id, t.post_count FROM threads t JOIN forums f ON f.id = t.forum_id
           WHERE f.kind = 'partnership' AND ${readableForumsSql('f', '$1')}
           ORDER BY t.post_count DESC, t.id LIMIT $3)`,
        [viewer.id, threadsPerUser - partnershipShare, partnershipShare],
      )
    ).rows;
  }

  let searchWord = args['search-word'];
  if (!searchWord) {
    // the most frequent long word in a sample of posts: a common word, so search has many matches to rank
    const [row] = (
      await pool.query(
        `SELECT word FROM ts_stat($$SELECT search FROM posts TABLESAMPLE SYSTEM (5) REPEATABLE (42)$$)
          WHERE length(word) >= 8 AND word ~ '^[[:alpha:]]+$' ORDER BY ndoc DESC, word LIMIT 1`,
      )
    ).rows;
    if (!row) die('could not find a search word in the posts; pass --search-word');
    searchWord = row.word;
  }
  const searchPrepared = await prepareSearch(pool, searchWord);
  const [{ matches }] = (
    await pool.query(`SELECT count(*)::int AS matches FROM posts WHERE search @@ $1::tsquery`, [searchPrepared.match])
  ).rows;

  const threadTargets = (route) =>
    interleave(
      viewers.map((v) =>
        v.threads.map((t) => ({
          viewer: v,
          path: route === 'thread' ? `/api/threads/${t.id}` : `/api/threads/${t.id}/posts`,
          sql: route === 'thread' ? CORE_SQL.thread(v.id, t.id, t.forum_id) : CORE_SQL.posts(v.id, t.id),
        })),
      ),
    );
  const definitions = {
    'thread-list': {
      label: 'Thread list',
      request: 'GET /api/forums/:id/threads',
      detail: `first page of the busiest forum (${busyForum.theme}, ${busyForum.threads} threads)`,
      targets: viewers.map((v) => ({
        viewer: v,
        path: `/api/forums/${busyForum.id}/threads`,
        sql: CORE_SQL.threadList(v.id, busyForum.id),
      })),
      check: (json) => Array.isArray(json?.items) && json.items.length > 0,
    },
    thread: {
      label: 'Thread page: thread',
      request: 'GET /api/threads/:id',
      detail: `${threadsPerUser} busiest readable threads per viewer`,
      targets: threadTargets('thread'),
      check: (json) => typeof json?.id === 'string' && json.forum,
    },
    posts: {
      label: 'Thread page: posts',
      request: 'GET /api/threads/:id/posts',
      detail: 'first page (20 posts) of the same threads',
      targets: threadTargets('posts'),
      check: (json) => Array.isArray(json?.items) && json.items.length > 0,
    },
    home: {
      label: 'Home',
      request: 'GET /api/me/home',
      detail:
        'each viewer’s home (waiting query and the home’s own statement: live workshops, reports, activity); ' +
        'no SQL column (the two statements are built in the API, see tools/bench/README.md)',
      targets: viewers.map((v) => ({ viewer: v, path: '/api/me/home', sql: null })),
      check: (json) => Array.isArray(json?.unread) && Array.isArray(json?.activity),
    },
    search: {
      label: 'Search',
      request: `GET /api/search?q=${searchWord}`,
      detail: `"${searchWord}", in ${matches} posts`,
      targets: viewers.map((v) => ({
        viewer: v,
        path: `/api/search?q=${encodeURIComponent(searchWord)}`,
        sql: CORE_SQL.search(v.id, searchPrepared),
      })),
      check: (json) => Array.isArray(json?.items) && json.items.length > 0,
    },
  };

  // every distinct request once, checked, before any load: a missing route fails here, clearly
  for (const name of scenarios) {
    const def = definitions[name];
    const seen = new Set();
    for (const target of def.targets) {
      const key = `${target.viewer.id} ${target.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const res = await http('GET', target.path, { token: target.viewer.token });
      if (res.status !== 200 || !def.check(res.json)) {
        die(
          `${def.label}: GET ${target.path} as ${target.viewer.email} answered ${res.status}: ${res.text.slice(0, 300)}` +
            (res.status === 404 && res.json?.code !== 'NOT_FOUND' ? ' (is this route implemented?)' : ''),
        );
      }
    }
  }
  if (args.explain) {
    // no load: the plan of each scenario's core SQL for its first target, to see why one is slow
    for (const name of scenarios) {
      const def = definitions[name];
      for (const [sql, params] of def.targets[0].sql ?? []) {
        await pool.query(sql, params);
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(`\n## ${def.label} (${def.request})\n`);
        console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
    return 0;
  }
  log(`checked every request once; ${connections} connections, ${warmup} s warm-up + ${duration} s per measurement`);

  const rows = [];
  for (const name of scenarios) {
    const def = definitions[name];
    // access tokens last ACCESS_TOKEN_TTL_SECONDS (15 min by default): sign in again when close
    for (const viewer of viewers) {
      if (viewer.expiresAt - Date.now() < (warmup + duration + 30) * 1000) {
        const res = await http('POST', '/api/auth/login', { body: { email: viewer.email, password: args.password } });
        if (res.status !== 200)
          die(`signing in again as ${viewer.email} failed: ${res.status} ${res.text.slice(0, 200)}`);
        viewer.token = res.json.accessToken;
        viewer.expiresAt = Date.now() + res.json.expiresIn * 1000;
      }
    }
    const targets = def.targets.map((t) => ({ ...t, token: t.viewer.token }));
    log(`${def.label}: ${def.request} — ${def.detail}`);
    if (warmup > 0) await runApi(targets, warmup);
    const api = await runApi(targets, duration);
    log(
      `  API  ${rate(api.rps)} req/s, p50 ${ms(api.p50)} ms, p99 ${ms(api.p99)} ms, errors ${api.errors}, non-2xx ${api.non2xx}`,
    );
    const hasSql = targets[0].sql !== null;
    if (warmup > 0 && hasSql) await runSql(targets, warmup);
    const sql = hasSql
      ? await runSql(targets, duration)
      : { ops: NaN, p50: NaN, p99: NaN, errors: 0, firstError: null };
    if (hasSql)
      log(`  SQL  ${rate(sql.ops)} ops/s, p50 ${ms(sql.p50)} ms, p99 ${ms(sql.p99)} ms, errors ${sql.errors}`);
    let problem = null;
    if (api.errors > 0 || api.non2xx > 0) {
      const codes = Object.entries(api.statusCodes ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => `${count}× ${code}`)
        .join(', ');
      const sample = await http('GET', targets[0].path, { token: targets[0].token }).catch((err) => ({
        status: 'error',
        text: err.message,
      }));
      problem = `API: ${api.errors} connection errors/timeouts, ${api.non2xx} non-2xx (${codes || 'none'}); a request now answers ${sample.status} ${sample.text.slice(0, 200)}`;
    }
    if (api.requests === 0) {
      problem = `API: no request completed within ${duration} s (each takes longer than the measurement)`;
    }
    if (hasSql && sql.ops === 0 && sql.errors === 0) {
      problem = `${problem ? `${problem}; ` : ''}SQL: no query completed within ${duration} s`;
    }
    if (sql.errors > 0) problem = `${problem ? `${problem}; ` : ''}SQL: ${sql.errors} errors, first: ${sql.firstError}`;
    rows.push({ def, api, sql, statements: targets[0].sql?.length ?? 0, problem });
  }

  // --- report ------------------------------------------------------------------------------------
  const now = new Date();
  const cpus = os.cpus();
  const lines = [
    `# Forum read benchmark — ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- API ${base.origin}, commit ${gitDescription()}, Node ${process.version}`,
    `- ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load generator, API and PostgreSQL on the same machine`,
    `- ${data.pg.split(' on ')[0]}; data: ${data.cities} cities, ${data.users} users, ${data.partnerships} partnerships, ` +
      `${data.threads} threads, ${data.posts} posts, ${data.thread_reads} read positions`,
    `- concurrency ${connections} (HTTP keep-alive connections / pooled PostgreSQL connections), ${warmup} s warm-up, ${duration} s measured per row; ` +
      `${viewers.length} signed-in viewers in rotation`,
    '',
    '| Scenario | Request | API req/s | API p50 ms | API p99 ms | API errors / non-2xx | SQL ops/s | SQL p50 ms | SQL p99 ms | SQL errors |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      ({ def, api, sql, statements }) =>
        `| ${def.label} | \`${def.request}\` | ${rate(api.rps)} | ${ms(api.p50)} | ${ms(api.p99)} | ${api.errors} / ${api.non2xx} | ` +
        `${rate(sql.ops)} | ${ms(sql.p50)} | ${ms(sql.p99)} | ${sql.errors}${statements > 1 ? ` (${statements} statements per op)` : ''} |`,
    ),
    '',
    ...rows.map(({ def }) => `- ${def.label}: ${def.detail}.`),
    '- SQL columns: the route’s data queries (tools/bench/queries.mjs) run straight on PostgreSQL at the same concurrency; ' +
      'the API additionally resolves the access token’s user and checks forum access, and serialises JSON.',
  ];
  const failures = rows.filter((r) => r.problem);
  if (failures.length) {
    lines.push('', '**Failures**', '', ...failures.map((r) => `- ${r.def.label}: ${r.problem}`));
  }
  const report = lines.join('\n') + '\n';
  console.log('');
  console.log(report);

  mkdirSync(args.out, { recursive: true });
  const stamp = now.toISOString().slice(0, 16).replace(':', '').replace('T', '-');
  let file = path.join(args.out, `${stamp}.md`);
  for (let n = 2; existsSync(file); n++) file = path.join(args.out, `${stamp}-${n}.md`);
  writeFileSync(file, report);
  log(`written to ${path.relative(process.cwd(), file)}`);

  if (failures.length) {
    console.error(`[bench] FAILED: ${failures.map((r) => r.def.label).join(', ')} returned errors (see above).`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[bench] ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
