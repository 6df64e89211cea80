import { Client } from 'pg';
import { prepareDatabase } from '../src/database/prepare-database';
import { DEMO_CITIES, DEMO_USERS } from '../src/database/seed/demo-data';
import { testDatabaseUrl } from './support/test-app';

/** Several instances starting at once against an empty database: migrations and seed must not race. */
describe('migrations and demo seed at start', () => {
  const dbName = `twinning_race_${process.pid}`;
  const admin = new URL(testDatabaseUrl());
  admin.pathname = '/postgres';
  const target = new URL(testDatabaseUrl());
  target.pathname = `/${dbName}`;

  const withAdmin = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(() => withAdmin(`CREATE DATABASE ${dbName}`));
  afterAll(() => withAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));

  it('serialises concurrent starts with an advisory lock, and seeding twice changes nothing', async () => {
    const logs: string[] = [];
    await Promise.all(
      [1, 2, 3].map(() => prepareDatabase(target.toString(), { seed: true, log: (m) => logs.push(m) })),
    );
    expect(logs.filter((l) => l.startsWith('Applied migrations'))).toHaveLength(1);

    const client = new Client({ connectionString: target.toString() });
    await client.connect();
    try {
      const count = async () =>
        (
          await client.query(
            `SELECT (SELECT count(*) FROM cities)::int AS cities, (SELECT count(*) FROM users)::int AS users,
                    (SELECT count(*) FROM city_memberships)::int AS memberships,
                    (SELECT count(*) FROM partnerships WHERE status = 'active')::int AS active_partnerships,
                    (SELECT count(*) FROM partnerships WHERE status = 'proposed')::int AS proposals,
                    (SELECT count(*) FROM threads)::int AS threads,
                    (SELECT count(*) FROM posts)::int AS posts,
                    (SELECT count(*) FROM post_flags WHERE status = 'open')::int AS open_flags,
                    (SELECT count(*) FROM forums WHERE kind = 'theme')::int AS theme_forums`,
          )
        ).rows[0];
      const first = await count();
      expect(first.cities).toBe(DEMO_CITIES.length);
      expect(first.users).toBe(DEMO_USERS.length);
      expect(new Set(DEMO_CITIES.map((c) => c.region)).size).toBe(3);
      expect(DEMO_CITIES.length).toBeGreaterThanOrEqual(12);
      expect(first).toMatchObject({ active_partnerships: 2, proposals: 1, open_flags: 1, theme_forums: 9 });
      expect(first.threads).toBeGreaterThanOrEqual(5);
      // threads are consistent with their posts, and the posts' HTML went through the sanitiser
      const inconsistent = await client.query(
        `SELECT t.id FROM threads t WHERE t.last_seq <> (SELECT max(seq) FROM posts WHERE thread_id = t.id)
            OR t.post_count <> (SELECT count(*) FROM posts WHERE thread_id = t.id)`,
      );
      expect(inconsistent.rows).toEqual([]);
      const mentions = await client.query(
        `SELECT count(*)::int AS n FROM posts WHERE body_html LIKE '%class="mention"%'`,
      );
      expect(mentions.rows[0].n).toBeGreaterThanOrEqual(2);
      const handles = await client.query(`SELECT handle FROM users ORDER BY handle`);
      expect(handles.rows.map((r) => r.handle)).toContain('tran_minh_anh');
      await prepareDatabase(target.toString(), { seed: true, log: () => undefined });
      expect(await count()).toEqual(first);
    } finally {
      await client.end();
    }
  });
});
