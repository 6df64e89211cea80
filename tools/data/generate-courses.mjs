#!/usr/bin/env node
// Online-course data for the course benchmarks (not part of npm test, never run by CI).
//
//   node tools/data/generate-courses.mjs --database-url postgres://user@host:5432/db \
//     [--courses 200] [--learners 10000] [--authors 20] [--reviewers 4] [--seed 42] [--until 2026-11-01] \
//     [--password twinning-bench-2026]
//
// The database must already be migrated (see tools/bench/README.md). It may already hold the forum data
// set of tools/data/generate.mjs; this adds its own accounts (course authors, reviewers and learners,
// `learner<n>@courses.bench.twinning.test`) and refuses to run twice on one database. Everything comes from
// --seed. Rows go in set-based (json_to_recordset) in one transaction, then VACUUM (ANALYZE).
//
// What it makes: --courses courses, each with a published version approved by two reviewers (a tenth also
// have an archived first version, and a tenth a new version in review); 2–5 modules of 2–4 Markdown lessons
// (about 2 KB each, with the HTML the API renders); a quiz of 4–8 single- and multiple-choice questions at
// the end of each module but the first. --learners learners enrolled in 1–6 courses each, popular courses
// far more than others (Zipf), with lessons done, where they stopped, and quiz attempts; about a quarter of
// the enrolments are complete (every lesson done, every quiz passed) and hold no certificate yet, which
// is what tools/bench/courses.mjs issues certificates for.
import { hash } from '@node-rs/argon2';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Rng, WeightedIndex } from './random.mjs';
import { NAMES, TEXT, THEMES } from './vocabulary.mjs';

const EMAIL_DOMAIN = 'courses.bench.twinning.test';
const DAY = 86_400_000;
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** Course languages (weights); vocabulary.mjs has text in each. */
const COURSE_LANGUAGES = { en: 45, fr: 20, es: 15, ar: 10, vi: 5, ms: 5 };
const UI_LANGUAGES = new Set(['en', 'fr', 'es', 'ar']);
const HEADINGS = {
  en: ['Why it matters', 'What the evidence says', 'In practice', 'Common pitfalls', 'An example', 'Checklist'],
  fr: ['Pourquoi c’est important', 'Ce que disent les données', 'En pratique', 'Les pièges', 'Un exemple', 'Liste'],
  es: ['Por qué importa', 'Qué dicen los datos', 'En la práctica', 'Errores comunes', 'Un ejemplo', 'Lista'],
  ar: ['لماذا يهم', 'ماذا تقول الأدلة', 'في الممارسة', 'أخطاء شائعة', 'مثال', 'قائمة مراجعة'],
  vi: ['Vì sao quan trọng', 'Dữ liệu cho thấy gì', 'Trong thực tế', 'Sai lầm thường gặp', 'Ví dụ', 'Danh sách'],
  ms: ['Mengapa penting', 'Apa kata bukti', 'Dalam amalan', 'Kesilapan biasa', 'Contoh', 'Senarai semak'],
};

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    courses: { type: 'string', default: '200' },
    learners: { type: 'string', default: '10000' },
    authors: { type: 'string', default: '20' },
    reviewers: { type: 'string', default: '4' },
    seed: { type: 'string', default: '42' },
    until: { type: 'string', default: '2026-11-01' },
    password: { type: 'string', default: 'twinning-bench-2026' },
    batch: { type: 'string', default: '5000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'Usage: node tools/data/generate-courses.mjs --database-url postgres://… [--courses 200] [--learners 10000]',
  );
  process.exit(0);
}
function die(message) {
  console.error(`[generate-courses] ${message}`);
  process.exit(1);
}
function count(name, min) {
  if (!/^\d+$/.test(args[name])) die(`--${name} must be a whole number, got "${args[name]}"`);
  const value = Number(args[name]);
  if (value < min) die(`--${name} must be at least ${min}`);
  return value;
}
const databaseUrl = args['database-url'];
if (!databaseUrl) die('give --database-url postgres://… (or set DATABASE_URL)');
const size = {
  courses: count('courses', 1),
  learners: count('learners', 1),
  authors: count('authors', 1),
  reviewers: count('reviewers', 2),
};
const batchSize = count('batch', 100);
const seed = count('seed', 0);
const anchor = Date.parse(`${args.until}T00:00:00Z`);
if (Number.isNaN(anchor)) die(`--until must be a date like 2026-11-01, got "${args.until}"`);
if (args.password.length < 12) die('--password must be at least 12 characters');

const rng = (stream) => new Rng(seed, `courses:${stream}`);
const iso = (ms) => new Date(Math.round(ms)).toISOString();
const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sentence = (r, lang) =>
  r
    .pick(TEXT[lang].sentences)
    .replace(/\{A\}/g, () => r.pick(TEXT[lang].topics))
    .replace(/\{city\}/g, 'the city')
    .replace(/\{n\}/g, () => String(10 + r.int(490)));
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** A lesson in Markdown (sections with paragraphs and a list) and the HTML the API renders for it. */
function lesson(r, lang) {
  const md = [];
  const html = [];
  for (const heading of r.sample(HEADINGS[lang], 3)) {
    md.push(`## ${heading}`);
    html.push(`<h2>${escapeHtml(heading)}</h2>`);
    for (let p = 0; p < 2; p++) {
      const text = Array.from({ length: 2 + r.int(3) }, () => sentence(r, lang)).join(' ');
      md.push(text);
      html.push(`<p>${escapeHtml(text)}</p>`);
    }
    const items = Array.from({ length: 3 }, () => capitalize(r.pick(TEXT[lang].topics)));
    md.push(items.map((i) => `- ${i}`).join('\n'));
    html.push(`<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`);
  }
  return { body: md.join('\n\n'), body_html: html.join('\n') };
}

const COLUMNS = {
  users: {
    id: 'uuid',
    email: 'text',
    password_hash: 'text',
    display_name: 'text',
    handle: 'text',
    preferred_language: 'text',
    roles: 'text[]',
    email_verified_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  courses: { id: 'uuid', owner_id: 'uuid', created_at: 'timestamptz' },
  course_authors: { course_id: 'uuid', user_id: 'uuid', added_at: 'timestamptz' },
  course_versions: {
    id: 'uuid',
    course_id: 'uuid',
    number: 'int',
    state: 'text',
    title: 'text',
    language: 'text',
    themes: 'text[]',
    description: 'text',
    estimated_hours: 'numeric',
    review_round: 'int',
    created_at: 'timestamptz',
    submitted_at: 'timestamptz',
    published_at: 'timestamptz',
    archived_at: 'timestamptz',
  },
  course_modules: { id: 'uuid', version_id: 'uuid', position: 'int', title: 'text' },
  course_lessons: {
    id: 'uuid',
    module_id: 'uuid',
    version_id: 'uuid',
    key: 'uuid',
    position: 'int',
    title: 'text',
    body: 'text',
    body_html: 'text',
  },
  course_quizzes: {
    id: 'uuid',
    module_id: 'uuid',
    position: 'int',
    title: 'text',
    pass_mark: 'int',
    max_attempts: 'int',
  },
  course_questions: {
    id: 'uuid',
    quiz_id: 'uuid',
    position: 'int',
    kind: 'text',
    prompt: 'text',
    options: 'text[]',
    correct: 'int[]',
  },
  course_approvals: { version_id: 'uuid', round: 'int', reviewer_id: 'uuid', created_at: 'timestamptz' },
  course_enrolments: {
    course_id: 'uuid',
    user_id: 'uuid',
    version_id: 'uuid',
    last_lesson_key: 'uuid',
    enrolled_at: 'timestamptz',
  },
  course_lesson_progress: { user_id: 'uuid', version_id: 'uuid', lesson_key: 'uuid', completed_at: 'timestamptz' },
  course_quiz_attempts: {
    id: 'uuid',
    quiz_id: 'uuid',
    user_id: 'uuid',
    answers: 'jsonb',
    rights: 'boolean[]',
    score: 'int',
    passed: 'boolean',
    created_at: 'timestamptz',
  },
};

async function insertBatched(client, table, rows) {
  const names = Object.keys(COLUMNS[table]);
  const list = names.join(', ');
  const defs = names.map((n) => `${n} ${COLUMNS[table][n]}`).join(', ');
  for (let i = 0; i < rows.length; i += batchSize) {
    await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_to_recordset($1::json) AS x(${defs})`, [
      JSON.stringify(rows.slice(i, i + batchSize)),
    ]);
  }
}

// --- people ---------------------------------------------------------------------------------------

const started = performance.now();
const log = (m) => console.log(`[generate-courses] ${m} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
const client = new pg.Client({ connectionString: databaseUrl, application_name: 'twinning-generate-courses' });
await client.connect();
const [{ tables }] = (
  await client.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE tablename = 'course_enrolments'`)
).rows;
if (tables === 0) die('the course tables are missing: start the API once against this database to migrate it');
const [{ taken }] = (
  await client.query(`SELECT count(*)::int AS taken FROM users WHERE email LIKE $1`, [`%@${EMAIL_DOMAIN}`])
).rows;
if (taken > 0) die(`the database already holds ${taken} accounts @${EMAIL_DOMAIN}: use a fresh database`);

const passwordHash = await hash(args.password, ARGON2);
const peopleRng = rng('people');
const cultures = Object.keys(NAMES);
function person(kind, n, roles) {
  const culture = peopleRng.pick(cultures);
  const [firsts, lasts] = NAMES[culture];
  const pick = (list) => {
    const v = peopleRng.pick(list);
    return Array.isArray(v) ? v[peopleRng.chance(0.5) ? 0 : 1] : v;
  };
  const created = anchor - peopleRng.between(200, 700) * DAY;
  return {
    id: peopleRng.uuid(),
    email: `${kind}${n}@${EMAIL_DOMAIN}`,
    password_hash: passwordHash,
    display_name: `${pick(firsts)} ${pick(lasts)}`,
    handle: `cb_${kind}_${n}`,
    preferred_language: UI_LANGUAGES.has(culture) ? culture : 'en',
    roles,
    email_verified_at: iso(created),
    created_at: iso(created),
    updated_at: iso(created),
  };
}
const authors = Array.from({ length: size.authors }, (_, i) => person('author', i + 1, ['facilitator']));
const reviewers = Array.from({ length: size.reviewers }, (_, i) => person('reviewer', i + 1, ['reviewer']));
const learners = Array.from({ length: size.learners }, (_, i) => person('learner', i + 1, []));

// --- courses --------------------------------------------------------------------------------------

const courseRng = rng('courses');
const rows = Object.fromEntries(Object.keys(COLUMNS).map((t) => [t, []]));
/** Per course: its published version's lesson keys (in order) and quizzes (with their answer keys). */
const published = [];

function version(course, number, state, lang, title, { submitted, publishedAt, archivedAt }) {
  const v = {
    id: courseRng.uuid(),
    course_id: course.id,
    number,
    state,
    title,
    language: lang,
    themes: courseRng.sample(THEMES, 1 + courseRng.int(3)),
    description: Array.from({ length: 3 }, () => sentence(courseRng, lang)).join(' '),
    estimated_hours: 1 + courseRng.int(16) / 2,
    review_round: submitted ? 1 : 0,
    created_at: iso(submitted ? submitted - 5 * DAY : anchor - DAY),
    submitted_at: submitted ? iso(submitted) : null,
    published_at: publishedAt ? iso(publishedAt) : null,
    archived_at: archivedAt ? iso(archivedAt) : null,
  };
  rows.course_versions.push(v);
  const lessonKeys = [];
  const quizzes = [];
  const modules = 2 + courseRng.int(4);
  for (let m = 1; m <= modules; m++) {
    const mod = {
      id: courseRng.uuid(),
      version_id: v.id,
      position: m,
      title: capitalize(courseRng.pick(TEXT[lang].topics)),
    };
    rows.course_modules.push(mod);
    const lessons = 2 + courseRng.int(3);
    for (let l = 1; l <= lessons; l++) {
      const key = courseRng.uuid();
      lessonKeys.push(key);
      rows.course_lessons.push({
        id: courseRng.uuid(),
        module_id: mod.id,
        version_id: v.id,
        key,
        position: l,
        title: capitalize(courseRng.pick(TEXT[lang].topics)),
        ...lesson(courseRng, lang),
      });
    }
    if (m === 1) continue;
    const quiz = {
      id: courseRng.uuid(),
      module_id: mod.id,
      position: 1,
      title: `${capitalize(courseRng.pick(TEXT[lang].topics))} ?`,
      pass_mark: 50 + 10 * courseRng.int(4),
      max_attempts: courseRng.chance(0.5) ? null : 3,
    };
    rows.course_quizzes.push(quiz);
    const questions = [];
    const n = 4 + courseRng.int(5);
    for (let q = 1; q <= n; q++) {
      const kind = courseRng.chance(0.6) ? 'single' : 'multiple';
      const options = 3 + courseRng.int(3);
      const correct =
        kind === 'single'
          ? [courseRng.int(options)]
          : courseRng.sample([...Array(options).keys()], 1 + courseRng.int(options - 1)).sort((a, b) => a - b);
      rows.course_questions.push({
        id: courseRng.uuid(),
        quiz_id: quiz.id,
        position: q,
        kind,
        prompt: sentence(courseRng, lang),
        options: Array.from({ length: options }, () => capitalize(courseRng.pick(TEXT[lang].topics))),
        correct,
      });
      questions.push({ options, correct });
    }
    quizzes.push({ id: quiz.id, passMark: quiz.pass_mark, questions });
  }
  return { v, lessonKeys, quizzes };
}

function approve(v, at) {
  for (const [i, reviewer] of courseRng.sample(reviewers, 2).entries()) {
    rows.course_approvals.push({ version_id: v.id, round: 1, reviewer_id: reviewer.id, created_at: iso(at + i * DAY) });
  }
}

for (let c = 0; c < size.courses; c++) {
  const owner = authors[c % authors.length];
  const lang = courseRng.weighted(COURSE_LANGUAGES);
  const title = `${capitalize(courseRng.pick(TEXT[lang].topics))}: ${courseRng.pick(TEXT[lang].topics)} ${c + 1}`;
  const created = anchor - courseRng.between(60, 400) * DAY;
  const course = { id: courseRng.uuid(), owner_id: owner.id, created_at: iso(created) };
  rows.courses.push(course);
  rows.course_authors.push({ course_id: course.id, user_id: owner.id, added_at: iso(created) });
  if (courseRng.chance(0.2)) {
    const coAuthor = authors[(c + 1 + courseRng.int(authors.length - 1)) % authors.length];
    if (coAuthor.id !== owner.id)
      rows.course_authors.push({ course_id: course.id, user_id: coAuthor.id, added_at: iso(created + 1000) });
  }
  const submitted = created + courseRng.between(5, 20) * DAY;
  let number = 1;
  if (courseRng.chance(0.1)) {
    const old = version(course, number++, 'archived', lang, title, {
      submitted,
      publishedAt: submitted + 2 * DAY,
      archivedAt: submitted + 40 * DAY,
    }).v;
    approve(old, submitted + DAY);
  }
  const at = number === 1 ? submitted : submitted + 38 * DAY;
  const current = version(course, number++, 'published', lang, title, { submitted: at, publishedAt: at + 2 * DAY });
  approve(current.v, at + DAY);
  published.push({ course, ...current, weight: 1 / (c + 1) ** 0.9 });
  if (courseRng.chance(0.1)) {
    version(course, number, 'in_review', lang, `${title} (2nd edition)`, {
      submitted: anchor - courseRng.between(1, 20) * DAY,
    });
  }
}
log(`${size.courses} courses: ${rows.course_versions.length} versions, ${rows.course_lessons.length} lessons`);

// --- learners -------------------------------------------------------------------------------------

const learnRng = rng('learners');
const popularity = new WeightedIndex(published.map((p) => p.weight));
let complete = 0;
for (const learner of learners) {
  const wanted = 1 + Math.min(5, Math.floor(-Math.log(1 - learnRng.float()) * 1.6));
  const chosen = new Set();
  for (let tries = 0; chosen.size < wanted && tries < 20; tries++) chosen.add(popularity.pick(learnRng));
  for (const index of chosen) {
    const p = published[index];
    const enrolled = Date.parse(p.v.published_at) + learnRng.float() * (anchor - Date.parse(p.v.published_at));
    const r = learnRng.float();
    const done = r < 0.25 ? p.lessonKeys.length : r < 0.35 ? 0 : 1 + learnRng.int(p.lessonKeys.length);
    const finished = done === p.lessonKeys.length;
    rows.course_enrolments.push({
      course_id: p.course.id,
      user_id: learner.id,
      version_id: p.v.id,
      last_lesson_key: done === 0 ? null : p.lessonKeys[Math.min(done, p.lessonKeys.length - 1)],
      enrolled_at: iso(enrolled),
    });
    const span = anchor - enrolled;
    for (let i = 0; i < done; i++) {
      rows.course_lesson_progress.push({
        user_id: learner.id,
        version_id: p.v.id,
        lesson_key: p.lessonKeys[i],
        completed_at: iso(enrolled + (span * (i + 1)) / (p.lessonKeys.length + 1)),
      });
    }
    // quizzes: passed by those who finished; tried (not always passed) by some of those halfway
    for (const quiz of p.quizzes) {
      if (!finished && !(done > p.lessonKeys.length / 2 && learnRng.chance(0.3))) continue;
      const attempts = finished ? 1 + learnRng.int(2) : 1;
      for (let a = 0; a < attempts; a++) {
        const pass = finished && a === attempts - 1;
        const rights = quiz.questions.map(() => pass || learnRng.chance(0.4));
        if (pass) rights.fill(true);
        const answers = quiz.questions.map((q, i) => (rights[i] ? q.correct : [(q.correct[0] + 1) % q.options]));
        const score = Math.round((100 * rights.filter(Boolean).length) / rights.length);
        rows.course_quiz_attempts.push({
          id: learnRng.uuid(),
          quiz_id: quiz.id,
          user_id: learner.id,
          answers,
          rights,
          score,
          passed: score >= quiz.passMark,
          created_at: iso(anchor - span / (a + 3)),
        });
      }
    }
    if (finished) complete += 1;
  }
}
log(
  `${learners.length} learners: ${rows.course_enrolments.length} enrolments (${complete} complete), ` +
    `${rows.course_lesson_progress.length} lessons done, ${rows.course_quiz_attempts.length} quiz attempts`,
);

// --- write ----------------------------------------------------------------------------------------

await client.query('BEGIN');
await insertBatched(client, 'users', [...authors, ...reviewers, ...learners]);
for (const table of Object.keys(COLUMNS).filter((t) => t !== 'users')) {
  await insertBatched(client, table, rows[table]);
  log(`${table}: ${rows[table].length}`);
}
await client.query('COMMIT');
for (const table of Object.keys(COLUMNS)) await client.query(`VACUUM (ANALYZE) ${table}`);
log('VACUUM (ANALYZE) done');
await client.end();
console.log(
  `[generate-courses] Learners sign in as learner1@${EMAIL_DOMAIN} … learner${size.learners}@${EMAIL_DOMAIN}, ` +
    `authors as author<n>@…, reviewers as reviewer<n>@…; password: ${args.password}`,
);
