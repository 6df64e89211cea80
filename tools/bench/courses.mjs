#!/usr/bin/env node
// Online-course benchmark (not part of npm test, never run by CI):
//
//   node tools/bench/courses.mjs --database-url postgres://postgres@127.0.0.1:5432/twinning_bench_courses \
//     [--connections 10] [--duration 15] [--warmup 3] [--learners 10] [--certificates 1000] [--issuers 10] \
//     [--scenarios catalogue,lesson,progress,certificates] [--password twinning-bench-2026] [--out tools/bench/results]
//
// The database holds the set of tools/data/generate-courses.mjs. The benchmark starts the built API
// (dist/apps/api/main.js, `npm run build`) on a free port against it, signs in --learners generated
// learners, checks every distinct request once, then loads three routes with autocannon at --connections:
// the catalogue, the learner's course view (lesson player) and the progress write. Certificate issuing is
// measured without HTTP (the API has no route that issues a course certificate on request): --issuers
// workers, each on its own pooled connection, run the built CertificatesService.issue (dist/apps/api) in a
// transaction for complete enrolments that hold no certificate yet, --certificates in all; issued
// certificates stay, so each run takes the next complete enrolments. Writes tools/bench/results/<date>-courses.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { apiEnv, databaseUrlOption, freePort, percentile, root, spawnApi, waitUntilHealthy } from './lib.mjs';

const SCENARIOS = ['catalogue', 'lesson', 'progress', 'certificates'];
const { values: args } = parseArgs({
  options: {
    'database-url': databaseUrlOption,
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    learners: { type: 'string', default: '10' },
    certificates: { type: 'string', default: '1000' },
    issuers: { type: 'string', default: '10' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    password: { type: 'string', default: 'twinning-bench-2026' },
    out: { type: 'string', default: path.join(root, 'tools', 'bench', 'results') },
  },
});
const die = (m) => {
  console.error(`[bench:courses] ${m}`);
  process.exit(1);
};
const int = (name) => {
  if (!/^\d+$/.test(args[name]) || Number(args[name]) < 1) die(`--${name} must be a whole number ≥ 1`);
  return Number(args[name]);
};
const connections = int('connections');
const duration = int('duration');
const warmup = Number(args.warmup);
const learnerCount = int('learners');
const certificateCount = int('certificates');
const issuers = int('issuers');
const scenarios = args.scenarios.split(',').map((s) => s.trim());
for (const s of scenarios)
  if (!SCENARIOS.includes(s)) die(`unknown scenario "${s}"; choose from ${SCENARIOS.join(', ')}`);
const databaseUrl = args['database-url'];
const mainJs = path.join(root, 'dist', 'apps', 'api', 'main.js');
if (!existsSync(mainJs)) die('build the API first: NX_DAEMON=false npm run -s build');

const log = (m) => console.log(`[bench:courses] ${m}`);
const ms = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const rate = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'twinning-bench-courses' });

const jwtSecret = 'bench-secret-at-least-32-characters-long';
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...apiEnv({ port, databaseUrl, jwtSecret, dataDirPrefix: 'twinning-bench-courses-' }),
  SEED_DEMO: 'false',
};
env.AUTH_RATE_LIMIT_PER_IP = '1000';
env.MAIL_DISABLED = 'true';
const api = spawnApi(mainJs, env);

async function http(method, pathname, { token, body } = {}) {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, bytes: text.length };
}

async function runApi(targets, seconds) {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => {
          const t = targets[next++ % targets.length];
          return {
            ...req,
            method: t.method ?? 'GET',
            path: t.path,
            body: t.body ? JSON.stringify(t.body) : undefined,
            headers: {
              accept: 'application/json',
              ...(t.body ? { 'content-type': 'application/json' } : {}),
              ...(t.token ? { authorization: `Bearer ${t.token}` } : {}),
            },
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
  };
}

/** Issues `total` certificates with `workers` concurrent issuers through the built CertificatesService. */
async function issueCertificates(total, workers) {
  const require = createRequire(import.meta.url);
  const dist = (p) => require(path.join(root, 'dist', 'apps', 'api', p));
  const { DataSource } = require('typeorm');
  const { loadConfig } = dist('config/app-config.js');
  const { dataSourceOptions } = dist('database/data-source.js');
  const { standaloneCertificatesService } = dist('certificates/index.js');
  const config = loadConfig(env);
  const dataSource = new DataSource(
    dataSourceOptions(databaseUrl, {
      extra: { max: workers, connectionTimeoutMillis: 5_000, application_name: 'twinning-bench-issuer' },
    }),
  );
  await dataSource.initialize();
  try {
    const service = await standaloneCertificatesService(dataSource, config);
    // complete enrolments (every lesson done, every quiz passed) without a certificate yet
    const { rows: todo } = await pool.query(
      `SELECT e.user_id, e.course_id, v.title, v.estimated_hours
         FROM course_enrolments e JOIN course_versions v ON v.id = e.version_id
        WHERE NOT EXISTS (SELECT 1 FROM course_lessons l WHERE l.version_id = e.version_id
                            AND NOT EXISTS (SELECT 1 FROM course_lesson_progress p
                                             WHERE p.user_id = e.user_id AND p.version_id = e.version_id AND p.lesson_key = l.key))
          AND NOT EXISTS (SELECT 1 FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id
                           WHERE m.version_id = e.version_id
                             AND NOT EXISTS (SELECT 1 FROM course_quiz_attempts a
                                              WHERE a.quiz_id = z.id AND a.user_id = e.user_id AND a.passed))
          AND NOT EXISTS (SELECT 1 FROM certificates c
                           WHERE c.user_id = e.user_id AND c.source_kind = 'course' AND c.source_id = e.course_id)
        ORDER BY e.enrolled_at LIMIT $1`,
      [total],
    );
    if (todo.length < total) fail(`only ${todo.length} complete enrolments without a certificate are left`);
    const before = Number((await pool.query(`SELECT count(*) FROM certificates`)).rows[0].count);
    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let i = next++; i < todo.length; i = next++) {
          const e = todo[i];
          const t0 = performance.now();
          await dataSource.transaction((manager) =>
            service.issue(manager, {
              userId: e.user_id,
              sourceKind: 'course',
              sourceId: e.course_id,
              title: e.title,
              hours: Number(e.estimated_hours),
            }),
          );
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = Number((await pool.query(`SELECT count(*) FROM certificates`)).rows[0].count);
    latencies.sort((a, b) => a - b);
    return {
      issued: after - before,
      seconds,
      rate: (after - before) / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      before,
    };
  } finally {
    await dataSource.destroy();
  }
}

/** Stops the run (main's finally stops the API). */
function fail(message) {
  throw new Error(message);
}

/**
 * Round robin over the learners' lists, shorter lists repeated to the longest one's length: consecutive
 * requests always come from different learners, as when many people study at once (one learner never has
 * several progress writes in flight, which would queue on their enrolment's row lock).
 */
function interleave(targets) {
  const byToken = new Map();
  for (const t of targets) byToken.set(t.token, [...(byToken.get(t.token) ?? []), t]);
  const lists = [...byToken.values()];
  const longest = Math.max(...lists.map((l) => l.length));
  const out = [];
  for (let i = 0; i < longest; i++) for (const list of lists) out.push(list[i % list.length]);
  return out;
}

async function main() {
  await waitUntilHealthy(api, base, 60_000);
  log(`API on ${base}`);
  const { rows: data } = await pool.query(
    `SELECT (SELECT count(*) FROM courses)::int AS courses,
            (SELECT count(*) FROM course_versions WHERE state = 'published')::int AS published,
            (SELECT count(*) FROM course_lessons)::int AS lessons,
            (SELECT count(DISTINCT user_id) FROM course_enrolments)::int AS learners,
            (SELECT count(*) FROM course_enrolments)::int AS enrolments,
            (SELECT count(*) FROM course_lesson_progress)::int AS progress,
            (SELECT count(*) FROM course_quiz_attempts)::int AS attempts,
            (SELECT count(*) FROM certificates)::int AS certificates,
            version() AS pg`,
  );
  const facts = data[0];
  if (facts.published === 0) fail('no published course: generate the data first (tools/data/generate-courses.mjs)');

  // learners with at least one unfinished enrolment, each with their enrolments and the lessons left
  const { rows: picked } = await pool.query(
    `SELECT u.email, e.course_id,
            array(SELECT l.key FROM course_lessons l WHERE l.version_id = e.version_id
                    AND NOT EXISTS (SELECT 1 FROM course_lesson_progress p WHERE p.user_id = e.user_id
                                     AND p.version_id = e.version_id AND p.lesson_key = l.key)
                  ORDER BY l.id) AS open_keys
       FROM course_enrolments e JOIN users u ON u.id = e.user_id
      WHERE u.email IN (SELECT u2.email FROM users u2 JOIN course_enrolments e2 ON e2.user_id = u2.id
                         WHERE u2.email LIKE 'learner%@courses.bench.twinning.test'
                           AND (SELECT count(*) FROM course_lesson_progress p
                                 WHERE p.user_id = e2.user_id AND p.version_id = e2.version_id)
                             < (SELECT count(*) FROM course_lessons l WHERE l.version_id = e2.version_id)
                         GROUP BY u2.email ORDER BY u2.email LIMIT $1)`,
    [learnerCount],
  );
  const tokens = new Map();
  for (const email of new Set(picked.map((r) => r.email))) {
    const res = await http('POST', '/api/auth/login', { body: { email, password: args.password } });
    if (res.status !== 200) fail(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.json)}`);
    tokens.set(email, res.json.accessToken);
  }
  log(`${tokens.size} learners signed in, ${picked.length} enrolments`);

  const first = await http('GET', '/api/courses?limit=20');
  const defs = {
    catalogue: {
      label: 'Catalogue',
      request: 'GET /api/courses',
      detail:
        'the public catalogue, 20 a page, rotating over no filter, ?language=fr, ?language=en&theme=integration, ' +
        '?theme=health, ?limit=50 and the second page (cursor); signed in',
      targets: [
        '/api/courses',
        '/api/courses?language=fr',
        '/api/courses?language=en&theme=integration',
        '/api/courses?theme=health',
        '/api/courses?limit=50',
        `/api/courses?cursor=${encodeURIComponent(first.json?.nextCursor ?? '')}`,
      ].flatMap((p, i) => [...tokens.values()].map((token, j) => ({ path: p, token: (i + j) % 2 ? token : null }))),
    },
    lesson: {
      label: 'Lesson view',
      request: 'GET /api/courses/:id/enrolment',
      detail:
        'the course player: the learner’s version in full (modules, lessons with their HTML, quizzes without answers), ' +
        'lessons done, where they stopped, quiz status; each learner’s own enrolments in rotation',
      targets: picked.map((r) => ({ path: `/api/courses/${r.course_id}/enrolment`, token: tokens.get(r.email) })),
    },
    progress: {
      label: 'Progress write',
      request: 'PUT /api/courses/:id/progress',
      detail:
        '`{ lessonKey, completed: true }` over lessons the learner has not done yet (each later repeat is an ' +
        'idempotent re-write), answered with the updated enrolment as the API does',
      targets: picked.flatMap((r) =>
        r.open_keys.map((k) => ({
          method: 'PUT',
          path: `/api/courses/${r.course_id}/progress`,
          token: tokens.get(r.email),
          body: { lessonKey: k, completed: true },
        })),
      ),
    },
  };

  const rows = [];
  for (const name of scenarios.filter((s) => s !== 'certificates')) {
    const def = defs[name];
    if (def.targets.length === 0) fail(`${name}: nothing to request`);
    if (name !== 'catalogue') def.targets = interleave(def.targets);
    for (const t of new Map(def.targets.filter((x) => !x.method).map((x) => [x.path, x])).values()) {
      const res = await http('GET', t.path, { token: t.token });
      if (res.status !== 200) fail(`${name}: ${t.path} answered ${res.status} ${JSON.stringify(res.json)}`);
    }
    const sample = await http(def.targets[0].method ?? 'GET', def.targets[0].path, def.targets[0]);
    if (sample.status !== 200) fail(`${name}: ${def.targets[0].path} answered ${sample.status}`);
    log(`${def.label}: ${def.targets.length} distinct requests, a sample answer is ${sample.bytes} bytes`);
    if (warmup > 0) await runApi(def.targets, warmup);
    const result = await runApi(def.targets, duration);
    log(
      `  ${rate(result.rps)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
    rows.push({ def, result, bytes: sample.bytes });
  }

  let certs = null;
  if (scenarios.includes('certificates')) {
    log(`issuing ${certificateCount} certificates with ${issuers} concurrent issuers…`);
    certs = await issueCertificates(certificateCount, issuers);
    log(
      `  ${certs.issued} in ${certs.seconds.toFixed(1)} s: ${certs.rate.toFixed(0)} certificates/s, p50 ${ms(certs.p50)} ms, p99 ${ms(certs.p99)} ms`,
    );
  }

  const now = new Date();
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  const lines = [
    `# Course benchmark — ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- commit ${commit}, Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}; load generator, API and PostgreSQL on the same machine`,
    `- ${facts.pg.split(' on ')[0]}; data: ${facts.courses} courses (${facts.published} published), ${facts.lessons} lessons, ` +
      `${facts.learners} learners, ${facts.enrolments} enrolments, ${facts.progress} lessons done, ${facts.attempts} quiz attempts, ` +
      `${certs ? certs.before : facts.certificates} certificates before the run`,
    `- ${connections} keep-alive connections, ${warmup} s warm-up, ${duration} s measured per row; ${tokens.size} signed-in learners in rotation`,
    '',
    '| Scenario | Request | req/s | p50 ms | p99 ms | errors / non-2xx | answer bytes |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map(
      ({ def, result, bytes }) =>
        `| ${def.label} | \`${def.request}\` | ${rate(result.rps)} | ${ms(result.p50)} | ${ms(result.p99)} | ${result.errors} / ${result.non2xx} | ${bytes} |`,
    ),
    ...(certs
      ? [
          `| Certificate issuing | \`CertificatesService.issue\` (built, in a transaction; no HTTP) | ${certs.rate.toFixed(0)} certificates/s | ${ms(certs.p50)} | ${ms(certs.p99)} | – | – |`,
        ]
      : []),
    '',
    ...rows.map(({ def }) => `- ${def.label}: ${def.detail}.`),
    ...(certs
      ? [
          `- Certificate issuing: ${certs.issued} certificates by ${issuers} concurrent issuers in ${certs.seconds.toFixed(1)} s, each in its own ` +
            'transaction: the learner’s name, a verification code, a random free status-list index, the key published, ' +
            'the Open Badges credential signed (RS256) and stored; latency per certificate.',
        ]
      : []),
  ];
  const failures = rows.filter((r) => r.result.errors > 0 || r.result.non2xx > 0 || r.result.requests === 0);
  if (failures.length) lines.push('', `**Failures**: ${failures.map((f) => f.def.label).join(', ')}`);
  const report = lines.join('\n') + '\n';
  console.log('\n' + report);
  mkdirSync(args.out, { recursive: true });
  const stamp = now.toISOString().slice(0, 16).replace(':', '').replace('T', '-');
  let file = path.join(args.out, `${stamp}-courses.md`);
  for (let n = 2; existsSync(file); n++) file = path.join(args.out, `${stamp}-courses-${n}.md`);
  writeFileSync(file, report);
  log(`written to ${path.relative(process.cwd(), file)}`);
  return failures.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[bench:courses] ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  api.kill('SIGTERM');
  await pool.end();
}
