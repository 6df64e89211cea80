#!/usr/bin/env node
// Large-data generator for benchmarks and load tests (not part of npm test, never run by CI).
//
//   node tools/data/generate.mjs --database-url postgres://user@host:5432/db \
//     [--cities 200] [--users 2000] [--partnerships 300] [--threads 20000] [--posts 200000] \
//     [--seed 42] [--until 2026-11-01] [--password twinning-bench-2026] [--append]
//
// The database must already be migrated (start the API once against it with SEED_DEMO=false; see
// tools/bench/README.md). Everything is derived from --seed (ids included): the same seed, sizes,
// --until and starting database give the same rows. Rows are sent as JSON arrays of a few thousand
// and inserted set-based (INSERT … SELECT FROM json_to_recordset), all in one transaction; then
// VACUUM (ANALYZE). Refuses to touch a database that already holds users, cities or threads
// unless --append is given.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { Rng, WeightedIndex } from './random.mjs';
import { CITIES, CULTURES_BY_REGION, GOALS, LANGUAGE_WEIGHTS, NAMES, TEXT, THEMES } from './vocabulary.mjs';

const THEME_LABELS = {
  integration: 'integration',
  employment: 'employment',
  education: 'education',
  transportation: 'transportation',
  social_services: 'social services',
  health: 'health',
  human_security: 'human security',
  intercultural_dialogue: 'intercultural dialogue',
  environmental_sustainability: 'environmental sustainability',
};
/** How busy each theme forum is, relative to the others. */
const THEME_FORUM_WEIGHTS = {
  integration: 30,
  employment: 20,
  education: 12,
  health: 10,
  social_services: 8,
  human_security: 6,
  intercultural_dialogue: 6,
  transportation: 4,
  environmental_sustainability: 4,
};
const REGIONS = ['north_america', 'western_europe', 'south_east_asia'];
const UI_LANGUAGES = new Set(['en', 'fr', 'es', 'ar']);
const EMAIL_DOMAIN = 'bench.twinning.test';
const DAY = 86_400_000;
/** The API's argon2id parameters (apps/api/src/auth/password.service.ts); 2 is Algorithm.Argon2id. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// --- arguments -------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    cities: { type: 'string', default: '200' },
    users: { type: 'string', default: '2000' },
    partnerships: { type: 'string', default: '300' },
    threads: { type: 'string', default: '20000' },
    posts: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '42' },
    until: { type: 'string', default: '2026-11-01' },
    password: { type: 'string', default: 'twinning-bench-2026' },
    batch: { type: 'string', default: '5000' },
    append: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(
    'Usage: node tools/data/generate.mjs --database-url postgres://… [--cities 200 --users 2000 ' +
      '--partnerships 300 --threads 20000 --posts 200000] [--seed 42] [--until YYYY-MM-DD] [--append]\n' +
      'See tools/bench/README.md.',
  );
  process.exit(0);
}

function die(message) {
  console.error(`[generate] ${message}`);
  process.exit(1);
}

function count(name, min) {
  const raw = args[name];
  if (!/^\d+$/.test(raw)) die(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min) die(`--${name} must be at least ${min}`);
  return value;
}

const databaseUrl = args['database-url'];
if (!databaseUrl) die('give --database-url postgres://… (or set DATABASE_URL)');
const size = {
  cities: count('cities', 2),
  users: count('users', 10),
  partnerships: count('partnerships', 0),
  threads: count('threads', 0),
  posts: count('posts', 0),
};
if (size.posts < size.threads) die('--posts must be at least --threads: every thread starts with a post');
const seed = count('seed', 0);
const batchSize = count('batch', 100);
const anchor = Date.parse(`${args.until}T00:00:00Z`);
if (Number.isNaN(anchor)) die(`--until must be a date like 2026-11-01, got "${args.until}"`);
if (args.password.length < 12) die('--password must be at least 12 characters (the API refuses shorter ones)');

// --- text ----------------------------------------------------------------------------------------

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
const slugify = (text) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const escapeHtml = (text) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const iso = (ms) => new Date(Math.round(ms)).toISOString();

function fill(rng, template, lang, city) {
  return template
    .replace(/\{A\}/g, () => rng.pick(TEXT[lang].topics))
    .replace(/\{city\}/g, city)
    .replace(/\{n\}/g, () => String(10 + rng.int(490)));
}

function paragraph(rng, lang, city, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(fill(rng, rng.pick(TEXT[lang].sentences), lang, city));
  return out.join(' ');
}

/**
 * A post body in markdown (plain paragraphs, sometimes opening with an @mention) and the HTML the
 * API would render for it: escaped paragraphs, mentions as <span class="mention">.
 */
function postBody(rng, lang, city, paragraphs, mention) {
  const md = [];
  const html = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = paragraph(rng, lang, city, 1 + rng.int(3));
    if (i === 0 && mention) {
      md.push(`@${mention} ${text}`);
      html.push(`<p><span class="mention" data-handle="${mention}">@${mention}</span> ${escapeHtml(text)}</p>`);
    } else {
      md.push(text);
      html.push(`<p>${escapeHtml(text)}</p>`);
    }
  }
  return { body: md.join('\n\n'), bodyHtml: html.join('\n') };
}

// --- database ------------------------------------------------------------------------------------

/** One set-based INSERT of `rows` (objects keyed by column) through json_to_recordset. */
async function insertRows(client, table, columns, rows) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = names.join(', ');
  const defs = names.map((n) => `${n} ${columns[n]}`).join(', ');
  await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_to_recordset($1::json) AS x(${defs})`, [
    JSON.stringify(rows),
  ]);
}

async function insertBatched(client, table, columns, rows) {
  for (let i = 0; i < rows.length; i += batchSize) {
    await insertRows(client, table, columns, rows.slice(i, i + batchSize));
  }
}

const COLUMNS = {
  cities: {
    id: 'uuid',
    slug: 'text',
    name: 'text',
    country_code: 'text',
    region: 'text',
    immigration_profile: 'text',
    population: 'int',
    languages: 'text[]',
    time_zone: 'text',
    themes: 'text[]',
    description: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  users: {
    id: 'uuid',
    email: 'text',
    password_hash: 'text',
    display_name: 'text',
    handle: 'text',
    preferred_language: 'text',
    time_zone: 'text',
    roles: 'text[]',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  city_memberships: {
    id: 'uuid',
    city_id: 'uuid',
    user_id: 'uuid',
    role: 'text',
    status: 'text',
    message: 'text',
    decided_by: 'uuid',
    decided_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  partnerships: {
    id: 'uuid',
    title: 'text',
    status: 'text',
    themes: 'text[]',
    goals: 'text',
    created_by: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    concluded_at: 'timestamptz',
  },
  partnership_cities: {
    partnership_id: 'uuid',
    city_id: 'uuid',
    status: 'text',
    invited_by: 'uuid',
    invited_by_city_id: 'uuid',
    message: 'text',
    invited_at: 'timestamptz',
    decided_by: 'uuid',
    decided_at: 'timestamptz',
  },
  partnership_events: {
    id: 'uuid',
    partnership_id: 'uuid',
    action: 'text',
    actor_id: 'uuid',
    city_id: 'uuid',
    note: 'text',
    created_at: 'timestamptz',
  },
  forums: { id: 'uuid', kind: 'text', partnership_id: 'uuid', created_at: 'timestamptz' },
  threads: {
    id: 'uuid',
    forum_id: 'uuid',
    author_id: 'uuid',
    title: 'text',
    themes: 'text[]',
    language: 'text',
    pinned: 'boolean',
    locked: 'boolean',
    last_seq: 'int',
    post_count: 'int',
    last_posted_at: 'timestamptz',
    last_poster_id: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  posts: {
    id: 'uuid',
    thread_id: 'uuid',
    seq: 'int',
    author_id: 'uuid',
    body: 'text',
    body_html: 'text',
    language: 'text',
    quote_post_id: 'uuid',
    created_at: 'timestamptz',
  },
  thread_reads: {
    user_id: 'uuid',
    thread_id: 'uuid',
    last_read_seq: 'int',
    level: 'text',
    updated_at: 'timestamptz',
  },
};

// --- main ----------------------------------------------------------------------------------------

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[generate] ${message} (${elapsed()})`);

const client = new pg.Client({ connectionString: databaseUrl, application_name: 'twinning-generate' });
await client.connect();

try {
  await run();
} catch (err) {
  console.error(`[generate] Failed: ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  await client.end();
}

async function run() {
  const [schema] = (
    await client.query(
      `SELECT to_regclass('public.thread_reads') IS NOT NULL AS forums, to_regclass('public.typeorm_migrations') IS NOT NULL AS migrations`,
    )
  ).rows;
  if (!schema.forums) {
    die(
      'The database is not migrated (no thread_reads table). Start the API against it once with ' +
        'SEED_DEMO=false (it runs the migrations), stop it, then run this again. See tools/bench/README.md.',
    );
  }
  const [existing] = (
    await client.query(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM cities)::int AS cities,
              (SELECT count(*) FROM partnerships)::int AS partnerships, (SELECT count(*) FROM threads)::int AS threads,
              (SELECT count(*) FROM posts)::int AS posts`,
    )
  ).rows;
  const hasData = existing.users + existing.cities + existing.threads > 0;
  if (hasData && !args.append) {
    die(
      `The database already holds data (${existing.users} users, ${existing.cities} cities, ${existing.threads} threads). ` +
        'Use a fresh database, or pass --append to add a generated set next to it.',
    );
  }
  const themeForums = new Map(
    (await client.query(`SELECT id, theme FROM forums WHERE kind = 'theme'`)).rows.map((r) => [r.theme, r.id]),
  );
  const missingThemes = THEMES.filter((t) => !themeForums.has(t));
  if (missingThemes.length)
    die(`Theme forums are missing for: ${missingThemes.join(', ')} (is the migration complete?)`);

  // With --append, names and ids must not collide with what is there: numbering continues after
  // the last generated user, taken slugs get a suffix, and the id streams depend on the row counts.
  const generation = args.append ? `${existing.users}/${existing.cities}/${existing.threads}/${existing.posts}` : '0';
  const takenSlugs = new Set(
    args.append ? (await client.query(`SELECT slug FROM cities`)).rows.map((r) => r.slug) : [],
  );
  const takenHandles = new Set(
    args.append ? (await client.query(`SELECT handle FROM users`)).rows.map((r) => r.handle) : [],
  );
  const userOffset = args.append
    ? (
        await client.query(
          `SELECT coalesce(max(substring(email FROM '^user([0-9]+)@')::int), 0) AS n FROM users WHERE email LIKE $1`,
          [`%@${EMAIL_DOMAIN}`],
        )
      ).rows[0].n
    : 0;
  const rng = (stream) => new Rng(seed, `${stream}#${generation}`);

  log(
    `Generating ${size.cities} cities, ${size.users} users, ${size.partnerships} partnerships, ` +
      `${size.threads} threads and ${size.posts} posts (seed ${seed}, until ${args.until})`,
  );
  // one hash for every account (argon2 is slow on purpose); its salt comes from the seed too
  const saltRng = rng('salt');
  const passwordHash = await hash(args.password, {
    ...ARGON2,
    salt: Uint8Array.from({ length: 16 }, () => saltRng.int(256)),
  });

  await client.query('BEGIN');
  await client.query(`SET LOCAL synchronous_commit = off`);
  // search's first-pass copy of the newest posts: nothing is copied while the window starts at
  // +infinity; it is filled once, after the posts, by moving the window to the newest 20,000
  await client.query(
    `INSERT INTO search_window (id, since) VALUES (true, 'infinity') ON CONFLICT (id) DO UPDATE SET since = 'infinity'`,
  );

  // --- cities ------------------------------------------------------------------------------------
  const cityRng = rng('cities');
  const cities = [];
  // regions in turn, and within a region traditional and emerging cities in turn, so that every
  // size gets both profiles everywhere; past the end of a list, names repeat with a number
  const interleaved = Object.fromEntries(
    REGIONS.map((region) => {
      const [trad, emer] = ['traditional', 'emerging'].map((p) => CITIES[region].filter((c) => c[4] === p));
      const out = [];
      for (let i = 0; i < Math.max(trad.length, emer.length); i++) out.push(...[trad[i], emer[i]].filter(Boolean));
      return [region, out];
    }),
  );
  for (let i = 0; i < size.cities; i++) {
    const region = REGIONS[i % REGIONS.length];
    const list = interleaved[region];
    const k = Math.floor(i / REGIONS.length);
    const [baseName, countryCode, timeZone, languages, profile, lang] = list[k % list.length];
    const round = Math.floor(k / list.length);
    const name = round === 0 ? baseName : `${baseName} ${round + 1}`;
    let slug = slugify(name);
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
    takenSlugs.add(slug);
    const traditional = profile === 'traditional';
    const created = anchor - cityRng.between(900, 1000) * DAY;
    cities.push({
      id: cityRng.uuid(),
      slug,
      name,
      country_code: countryCode,
      region,
      immigration_profile: profile,
      population: Math.round(Math.exp(cityRng.between(Math.log(traditional ? 400_000 : 80_000), Math.log(9_000_000)))),
      languages,
      time_zone: timeZone,
      themes: cityRng.sample(THEMES, 2 + cityRng.int(3)),
      description: `${paragraph(cityRng, lang, name, 2)}`,
      created_at: iso(created),
      updated_at: iso(created),
      lang,
    });
  }
  await insertBatched(client, 'cities', COLUMNS.cities, cities);
  log(`cities: ${cities.length}`);

  // --- users and city memberships ------------------------------------------------------------------
  // user 0 is an admin, users 1–4 facilitators; 85 % of the rest belong to a city (round robin):
  // the first one of each city is its coordinator, some others coordinators too, most officials.
  const userRng = rng('users');
  const users = [];
  const memberships = [];
  const approvedByCity = cities.map(() => []);
  const coordinatorsByCity = cities.map(() => []);
  const withCity = Math.floor((size.users - 5) * 0.85);
  for (let n = 0; n < size.users; n++) {
    const number = userOffset + n + 1;
    const m = n - 5;
    const cityIndex = m >= 0 && m < withCity ? m % cities.length : -1;
    const city = cityIndex >= 0 ? cities[cityIndex] : null;
    const culture = userRng.weighted(city ? CULTURES_BY_REGION[city.region] : LANGUAGE_WEIGHTS);
    const [firsts, lasts] = NAMES[culture];
    let displayName;
    let latinName;
    if (culture === 'ar') {
      const [first, last] = [userRng.pick(firsts), userRng.pick(lasts)];
      const arabicScript = userRng.chance(0.5);
      displayName = arabicScript ? `${first[0]} ${last[0]}` : `${first[1]} ${last[1]}`;
      latinName = `${first[1]} ${last[1]}`;
    } else {
      displayName = `${userRng.pick(firsts)} ${userRng.pick(lasts)}`;
      latinName = displayName;
    }
    const base =
      fold(latinName)
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 20) || 'user';
    let handle = `${base}_${number}`;
    while (takenHandles.has(handle)) handle = `${handle.slice(0, 30)}x`;
    takenHandles.add(handle);
    const created = anchor - userRng.between(300, 900) * DAY;
    const user = {
      id: userRng.uuid(),
      email: `user${number}@${EMAIL_DOMAIN}`,
      password_hash: passwordHash,
      display_name: displayName,
      handle,
      preferred_language: UI_LANGUAGES.has(culture) ? culture : 'en',
      time_zone: city ? city.time_zone : n === 0 ? 'Europe/Amsterdam' : 'UTC',
      roles: n === 0 ? ['admin'] : n < 5 ? ['facilitator'] : [],
      created_at: iso(created),
      updated_at: iso(created),
      culture,
      index: n,
    };
    users.push(user);
    if (city) {
      const round = Math.floor(m / cities.length);
      const coordinator = round === 0 || (round === 1 && userRng.chance(0.3));
      const approved = round === 0 || userRng.chance(0.93);
      const requested = created + userRng.between(1, 20) * DAY;
      const decided = requested + userRng.between(0.1, 5) * DAY;
      memberships.push({
        id: userRng.uuid(),
        city_id: city.id,
        user_id: user.id,
        role: coordinator ? 'coordinator' : 'official',
        status: approved ? 'approved' : 'pending',
        message: approved ? '' : `I work on newcomer services in ${city.name}.`,
        decided_by: approved ? users[0].id : null,
        decided_at: approved ? iso(decided) : null,
        created_at: iso(requested),
        updated_at: iso(approved ? decided : requested),
      });
      if (approved) {
        approvedByCity[cityIndex].push(n);
        if (coordinator) coordinatorsByCity[cityIndex].push(n);
      }
    }
  }
  await insertBatched(client, 'users', COLUMNS.users, users);
  await insertBatched(client, 'city_memberships', COLUMNS.city_memberships, memberships);
  log(`users: ${users.length}, city memberships: ${memberships.length}`);

  // --- partnerships, their cities, events and forums ---------------------------------------------
  // Each pairs a traditional with an emerging city of immigration (a fifth add a third city);
  // 80 % are active, 10 % proposed (invitation open), 10 % concluded.
  const pRng = rng('partnerships');
  const traditional = cities.map((c, i) => i).filter((i) => cities[i].immigration_profile === 'traditional');
  const emerging = cities.map((c, i) => i).filter((i) => cities[i].immigration_profile === 'emerging');
  const allCityIndexes = cities.map((c, i) => i);
  const partnerships = [];
  const partnershipCities = [];
  const events = [];
  const forums = [];
  const pairs = new Set();
  for (let p = 0; p < size.partnerships; p++) {
    let a;
    let b;
    for (let attempt = 0; attempt < 20; attempt++) {
      const t = pRng.pick(traditional.length ? traditional : allCityIndexes);
      let e = pRng.pick(emerging.length ? emerging : allCityIndexes);
      if (e === t) e = (t + 1) % cities.length;
      [a, b] = pRng.chance(0.5) ? [t, e] : [e, t];
      if (!pairs.has(`${Math.min(a, b)}:${Math.max(a, b)}`)) break;
    }
    pairs.add(`${Math.min(a, b)}:${Math.max(a, b)}`);
    const memberIdx = [a, b];
    if (pRng.chance(0.2)) {
      const c = pRng.pick(allCityIndexes);
      if (!memberIdx.includes(c)) memberIdx.push(c);
    }
    const roll = pRng.float();
    const status = roll < 0.8 ? 'active' : roll < 0.9 ? 'proposed' : 'concluded';
    const created = anchor - pRng.between(60, 900) * DAY;
    const accepted = created + pRng.between(2, 30) * DAY;
    const concluded =
      status === 'concluded' ? Math.min(accepted + pRng.between(120, 400) * DAY, anchor - 5 * DAY) : null;
    const themes = pRng.sample(THEMES, 1 + pRng.int(3));
    const cityA = cities[a];
    const creatorIdx = coordinatorsByCity[a][0] ?? approvedByCity[a][0];
    const creator = creatorIdx !== undefined ? users[creatorIdx].id : null;
    const id = pRng.uuid();
    const title = `${memberIdx.map((i) => cities[i].name).join(' – ')}: ${themes.map((t) => THEME_LABELS[t]).join(' & ')}`;
    partnerships.push({
      id,
      title: title.slice(0, 140),
      status,
      themes,
      goals: fill(pRng, GOALS[cityA.lang], cityA.lang, cityA.name),
      created_by: creator,
      created_at: iso(created),
      updated_at: iso(concluded ?? (status === 'proposed' ? created : accepted)),
      concluded_at: concluded === null ? null : iso(concluded),
    });
    events.push({
      id: pRng.uuid(),
      partnership_id: id,
      action: 'proposed',
      actor_id: creator,
      city_id: cityA.id,
      note: '',
      created_at: iso(created),
    });
    memberIdx.forEach((ci, k) => {
      const coordinator = coordinatorsByCity[ci][0] ?? approvedByCity[ci][0];
      const decider = coordinator !== undefined ? users[coordinator].id : null;
      const joined = k === 0 || status !== 'proposed';
      partnershipCities.push({
        partnership_id: id,
        city_id: cities[ci].id,
        status: joined ? 'member' : 'invited',
        invited_by: creator,
        invited_by_city_id: k === 0 ? null : cityA.id,
        message:
          k === 0
            ? ''
            : `${cityA.name} would like to work with ${cities[ci].name} on ${themes.map((t) => THEME_LABELS[t]).join(' and ')}.`,
        invited_at: iso(created),
        decided_by: joined ? (k === 0 ? creator : decider) : null,
        decided_at: joined ? iso(k === 0 ? created : accepted) : null,
      });
      if (k > 0) {
        events.push({
          id: pRng.uuid(),
          partnership_id: id,
          action: 'invited',
          actor_id: creator,
          city_id: cities[ci].id,
          note: '',
          created_at: iso(created + 1000 * k),
        });
        if (joined) {
          events.push({
            id: pRng.uuid(),
            partnership_id: id,
            action: 'accepted',
            actor_id: decider,
            city_id: cities[ci].id,
            note: '',
            created_at: iso(accepted + 1000 * k),
          });
        }
      }
    });
    if (status !== 'proposed') {
      events.push({
        id: pRng.uuid(),
        partnership_id: id,
        action: 'activated',
        actor_id: null,
        city_id: null,
        note: '',
        created_at: iso(accepted + 60_000),
      });
    }
    if (concluded !== null) {
      events.push({
        id: pRng.uuid(),
        partnership_id: id,
        action: 'concluded',
        actor_id: creator,
        city_id: cityA.id,
        note: 'Goals reached; report shared with both councils.',
        created_at: iso(concluded),
      });
    }
    forums.push({ id: pRng.uuid(), kind: 'partnership', partnership_id: id, created_at: iso(created) });
    partnerships[p].memberIdx = memberIdx;
    partnerships[p].window = [accepted + DAY, concluded ?? anchor];
  }
  await insertBatched(client, 'partnerships', COLUMNS.partnerships, partnerships);
  await insertBatched(client, 'partnership_cities', COLUMNS.partnership_cities, partnershipCities);
  await insertBatched(client, 'partnership_events', COLUMNS.partnership_events, events);
  await insertBatched(client, 'forums', COLUMNS.forums, forums);
  log(
    `partnerships: ${partnerships.length} (${partnershipCities.length} cities, ${events.length} events), forums: ${forums.length}`,
  );

  // --- threads, posts and read state --------------------------------------------------------------
  // Targets: 60 % of threads in the theme forums (integration busiest), 40 % in the forums of
  // active and concluded partnerships (a few of them much busier than the rest). Posts per thread
  // follow a log-normal spread; every thread has at least its opening post.
  const tRng = rng('threads');
  const textRng = rng('text');
  const everyone = users.map((u, i) => i);
  const activity = new WeightedIndex(users.map(() => Math.exp(1.0 * tRng.gauss())));
  const targets = [];
  for (const [theme, weight] of Object.entries(THEME_FORUM_WEIGHTS)) {
    targets.push({
      forumId: themeForums.get(theme),
      theme,
      weight: weight * 6,
      pool: null,
      window: null,
      cityNames: null,
    });
  }
  const themeTotal = targets.reduce((s, t) => s + t.weight, 0);
  const partnershipTargets = [];
  partnerships.forEach((p, i) => {
    if (p.status === 'proposed') return;
    const pool = p.memberIdx.flatMap((ci) => approvedByCity[ci]);
    if (pool.length === 0) return;
    partnershipTargets.push({
      forumId: forums[i].id,
      theme: null,
      themes: p.themes,
      weight: Math.min(50, (1 - tRng.float()) ** -0.9),
      pool,
      window: p.window,
      cityNames: p.memberIdx.map((ci) => cities[ci].name),
    });
  });
  const partnershipTotal = partnershipTargets.reduce((s, t) => s + t.weight, 0);
  // scale partnership weights so that together they take 40 % of the threads
  for (const t of partnershipTargets) t.weight *= (themeTotal * (40 / 60)) / partnershipTotal;
  targets.push(...partnershipTargets);
  const targetIndex = new WeightedIndex(targets.map((t) => t.weight));

  const postCounts = new Int32Array(size.threads).fill(1);
  {
    const extra = size.posts - size.threads;
    const weights = Array.from({ length: size.threads }, () => Math.exp(1.3 * tRng.gauss()));
    const total = weights.reduce((s, w) => s + w, 0);
    let given = 0;
    weights.forEach((w, i) => {
      const add = Math.floor((extra * w) / total);
      postCounts[i] += add;
      given += add;
    });
    for (; given < extra; given++) postCounts[tRng.int(size.threads)]++;
  }

  let threadRows = [];
  let postRows = [];
  let readRows = [];
  let totals = { threads: 0, posts: 0, reads: 0 };
  const flush = async () => {
    await insertRows(client, 'threads', COLUMNS.threads, threadRows);
    for (let i = 0; i < postRows.length; i += batchSize) {
      await insertRows(client, 'posts', COLUMNS.posts, postRows.slice(i, i + batchSize));
    }
    await insertBatched(client, 'thread_reads', COLUMNS.thread_reads, readRows);
    totals = {
      threads: totals.threads + threadRows.length,
      posts: totals.posts + postRows.length,
      reads: totals.reads + readRows.length,
    };
    threadRows = [];
    postRows = [];
    readRows = [];
  };

  let nextReport = 50_000;
  for (let i = 0; i < size.threads; i++) {
    const target = targets[targetIndex.pick(tRng)];
    const pool = target.pool ?? everyone;
    const pickUser = () => (target.pool ? tRng.pick(pool) : activity.pick(tRng));
    const n = postCounts[i];
    const authorIdx = pickUser();
    const author = users[authorIdx];
    const lang = tRng.chance(0.7) ? author.culture : tRng.weighted(LANGUAGE_WEIGHTS);
    const cityName = target.cityNames ? tRng.pick(target.cityNames) : tRng.pick(cities).name;
    const threadId = tRng.uuid();
    const themes = target.theme
      ? [target.theme, ...(tRng.chance(0.3) ? [tRng.pick(THEMES.filter((t) => t !== target.theme))] : [])]
      : tRng.sample(target.themes, 1 + tRng.int(2));

    // timing: recent activity is more frequent; gaps between replies are exponential
    const [from, to] = target.window ?? [anchor - 730 * DAY, anchor];
    const end = Math.max(from + DAY, to);
    const start = end - (end - from) * tRng.float() ** 1.5 - tRng.between(0.01, 1) * DAY;
    const span = end - start;
    const gaps = Array.from({ length: n - 1 }, () => -Math.log(1 - tRng.float()) * Math.min(2 * DAY, span / n));
    const gapTotal = gaps.reduce((s, g) => s + g, 0);
    const scale = gapTotal > span * 0.98 ? (span * 0.98) / gapTotal : 1;

    const participants = [authorIdx, ...Array.from({ length: Math.min(n - 1, 1 + tRng.int(7)) }, pickUser)];
    const lastPostedBy = new Map();
    const postIds = [];
    let time = start;
    let lastAuthor = authorIdx;
    for (let seq = 1; seq <= n; seq++) {
      if (seq > 1) time += gaps[seq - 2] * scale;
      const posterIdx = seq === 1 ? authorIdx : tRng.chance(0.75) ? tRng.pick(participants) : pickUser();
      const poster = users[posterIdx];
      const postLang = tRng.chance(0.85) ? lang : poster.culture;
      const other = tRng.pick(participants);
      const mention = tRng.chance(0.04) && other !== posterIdx ? users[other].handle : null;
      const { body, bodyHtml } = postBody(
        textRng,
        postLang,
        cityName,
        seq === 1 ? 2 + textRng.int(3) : 1 + textRng.int(3),
        mention,
      );
      const id = tRng.uuid();
      postIds.push(id);
      postRows.push({
        id,
        thread_id: threadId,
        seq,
        author_id: poster.id,
        body,
        body_html: bodyHtml,
        // the language the text is in, so search stems it (en, fr, es, ar) or matches it word for word
        language: postLang,
        quote_post_id: seq > 2 && tRng.chance(0.08) ? postIds[tRng.int(seq - 1)] : null,
        created_at: iso(time),
      });
      lastPostedBy.set(posterIdx, seq);
      lastAuthor = posterIdx;
    }
    const title = capitalize(fill(textRng, textRng.pick(TEXT[lang].titles), lang, cityName)).slice(0, 160);
    threadRows.push({
      id: threadId,
      forum_id: target.forumId,
      author_id: author.id,
      title,
      themes,
      language: lang,
      pinned: tRng.chance(0.004),
      locked: tRng.chance(0.01),
      last_seq: n,
      post_count: n,
      last_posted_at: iso(time),
      last_poster_id: users[lastAuthor].id,
      created_at: iso(start),
      updated_at: iso(time),
    });

    // read state: posting moves the author's read position to the post and makes them watch the
    // thread (as the API does); a few more people have read part of it
    const postTime = (seq) => postRows[postRows.length - n + seq - 1].created_at;
    for (const [posterIdx, seq] of lastPostedBy) {
      const read = tRng.chance(0.6) ? n : seq + tRng.int(n - seq + 1);
      readRows.push({
        user_id: users[posterIdx].id,
        thread_id: threadId,
        last_read_seq: read,
        level: tRng.chance(0.05) ? 'muted' : 'watching',
        updated_at: postTime(read),
      });
    }
    for (let r = tRng.int(6); r > 0; r--) {
      const readerIdx = target.pool ? tRng.pick(pool) : tRng.int(users.length);
      if (lastPostedBy.has(readerIdx)) continue;
      lastPostedBy.set(readerIdx, 0);
      const read = tRng.chance(0.4) ? n : 1 + tRng.int(n);
      const roll = tRng.float();
      readRows.push({
        user_id: users[readerIdx].id,
        thread_id: threadId,
        last_read_seq: read,
        level: roll < 0.9 ? 'normal' : roll < 0.97 ? 'watching' : 'muted',
        updated_at: postTime(read),
      });
    }

    if (postRows.length >= batchSize) await flush();
    if (totals.posts >= nextReport) {
      log(`posts: ${totals.posts} / ${size.posts}`);
      nextReport += 50_000;
    }
  }
  await flush();
  log(`threads: ${totals.threads}, posts: ${totals.posts}, thread reads: ${totals.reads}`);

  await client.query('COMMIT');
  log('committed');
  await client.query(`SELECT search_window_move(20000)`);
  log('search window moved to the newest 20,000 posts');

  for (const table of [
    'users',
    'cities',
    'city_memberships',
    'partnerships',
    'partnership_cities',
    'partnership_events',
    'forums',
    'threads',
    'posts',
    'search_recent_posts',
    'thread_reads',
  ]) {
    await client.query(`VACUUM (ANALYZE) ${table}`);
  }
  log('VACUUM (ANALYZE) done');

  const counts = (
    await client.query(
      `SELECT 'cities' AS t, count(*)::int AS n FROM cities UNION ALL SELECT 'users', count(*) FROM users
       UNION ALL SELECT 'city_memberships', count(*) FROM city_memberships
       UNION ALL SELECT 'partnerships', count(*) FROM partnerships
       UNION ALL SELECT 'partnership_cities', count(*) FROM partnership_cities
       UNION ALL SELECT 'forums', count(*) FROM forums UNION ALL SELECT 'threads', count(*) FROM threads
       UNION ALL SELECT 'posts', count(*) FROM posts UNION ALL SELECT 'thread_reads', count(*) FROM thread_reads`,
    )
  ).rows;
  const coordinator = users[coordinatorsByCity.find((c) => c.length > 0)?.[0] ?? 0];
  console.log('');
  console.log('Rows in the database now:');
  for (const row of counts) console.log(`  ${row.t.padEnd(20)} ${String(row.n).padStart(9)}`);
  console.log('');
  console.log(`Every generated account uses the password: ${args.password}`);
  console.log(`  admin:       ${users[0].email}`);
  console.log(`  coordinator: ${coordinator.email} (${coordinator.display_name})`);
  console.log(`  others:      user${userOffset + 1}…user${userOffset + size.users}@${EMAIL_DOMAIN}`);
  console.log(`Done in ${elapsed()}.`);
}
