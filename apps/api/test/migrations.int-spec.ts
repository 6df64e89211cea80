import { Client } from 'pg';
import { prepareDatabase } from '../src/prepare-database';
import { DEMO_CITIES, DEMO_USERS } from '../src/database/seed/demo-data';
import { DEMO_DELIVERED_TRAINING_TITLE, DEMO_TRAINING_ATTENDEES } from '../src/database/seed/demo-training-delivered';
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
                    (SELECT count(*) FROM forums WHERE kind = 'theme')::int AS theme_forums,
                    (SELECT count(*) FROM workshops)::int AS workshops,
                    (SELECT count(*) FROM workshop_messages)::int AS workshop_messages,
                    (SELECT count(*) FROM workshop_questions)::int AS workshop_questions,
                    (SELECT count(*) FROM visits)::int AS visits,
                    (SELECT count(*) FROM visit_registrations)::int AS visit_registrations,
                    (SELECT count(*) FROM training_requests WHERE status = 'open')::int AS open_training_requests,
                    (SELECT count(*) FROM training_offers WHERE status = 'pending')::int AS training_offers,
                    (SELECT count(*) FROM cities WHERE cardinality(training_skills) > 0)::int AS expert_cities,
                    (SELECT count(*) FROM training_requests WHERE status = 'delivered')::int AS delivered_trainings,
                    (SELECT count(*) FROM training_evaluations)::int AS training_evaluations`,
          )
        ).rows[0];
      const first = await count();
      expect(first.cities).toBe(DEMO_CITIES.length);
      // the delivered training's attendees sign in with the demo password too
      expect(first.users).toBe(DEMO_USERS.length + DEMO_TRAINING_ATTENDEES.length);
      expect(new Set(DEMO_CITIES.map((c) => c.region)).size).toBe(3);
      expect(DEMO_CITIES.length).toBeGreaterThanOrEqual(12);
      expect(first).toMatchObject({ active_partnerships: 2, proposals: 1, open_flags: 2, theme_forums: 9 });
      // an open training request with two offers (a facilitator's and an expert city's)
      expect(first).toMatchObject({ open_training_requests: 1, training_offers: 2, expert_cities: 2 });
      // a delivered training with its workshop and at least five evaluations (results show from five)
      expect(first).toMatchObject({ delivered_trainings: 1 });
      expect(first.training_evaluations).toBeGreaterThanOrEqual(5);
      expect(first.threads).toBeGreaterThanOrEqual(5);
      // every theme forum has threads to explore, in several languages, with replies from several cities
      const forums = await client.query(
        `SELECT f.theme, count(DISTINCT t.id)::int AS threads, count(DISTINCT m.city_id)::int AS cities
           FROM forums f JOIN threads t ON t.forum_id = f.id JOIN posts p ON p.thread_id = t.id
           LEFT JOIN city_memberships m ON m.user_id = p.author_id AND m.status = 'approved'
          WHERE f.kind = 'theme' GROUP BY f.theme`,
      );
      expect(forums.rows).toHaveLength(9);
      for (const forum of forums.rows) {
        expect(forum.threads).toBeGreaterThanOrEqual(2);
        expect(forum.cities).toBeGreaterThanOrEqual(2);
      }
      const scripts = await client.query(
        `SELECT count(*) FILTER (WHERE t.title ~ '[\u0600-\u06FF]')::int AS arabic,
                count(*) FILTER (WHERE t.title ~ '[éèàçù]|^(Fêtes|Titres|Accueil|Interprètes|Reconnaissance)')::int AS french,
                count(*) FILTER (WHERE t.title ~ '[ñ¿]|^(Programas|Mediadores|Ventanilla|Bibliotecas)')::int AS spanish
           FROM threads t JOIN forums f ON f.id = t.forum_id WHERE f.kind = 'theme'`,
      );
      expect(scripts.rows[0].arabic).toBeGreaterThanOrEqual(3);
      expect(scripts.rows[0].french).toBeGreaterThanOrEqual(3);
      expect(scripts.rows[0].spanish).toBeGreaterThanOrEqual(3);
      // each seeded text carries the language it is written in, so search stems it under that language
      const languages = await client.query(
        `SELECT count(*) FILTER (WHERE t.title ~ '[\u0600-\u06FF]' AND t.language <> 'ar')::int AS arabic_mislabelled,
                array_agg(DISTINCT p.language ORDER BY p.language) AS post_languages
           FROM threads t JOIN forums f ON f.id = t.forum_id JOIN posts p ON p.thread_id = t.id WHERE f.kind = 'theme'`,
      );
      expect(languages.rows[0].arabic_mislabelled).toBe(0);
      expect(languages.rows[0].post_languages).toEqual(expect.arrayContaining(['ar', 'en', 'es', 'fr']));
      // the moderation queue and the audit log have entries: flags, a hidden post, a pinned and a locked thread
      const moderation = await client.query(
        `SELECT (SELECT count(*) FROM posts WHERE hidden_at IS NOT NULL)::int AS hidden,
                (SELECT count(*) FROM post_flags WHERE status = 'upheld')::int AS upheld,
                (SELECT count(*) FROM post_flags WHERE status = 'dismissed')::int AS dismissed,
                (SELECT array_agg(DISTINCT action ORDER BY action) FROM moderation_audit) AS actions,
                (SELECT count(*) FROM moderation_audit WHERE created_at > now())::int AS future`,
      );
      expect(moderation.rows[0]).toMatchObject({ hidden: 2, upheld: 1, dismissed: 1, future: 0 });
      expect(moderation.rows[0].actions).toEqual([
        'flag.dismiss',
        'flag.uphold',
        'post.hide',
        'thread.lock',
        'thread.pin',
      ]);
      // a date poll in the coming months, with several voters and "if need be" among the answers
      const poll = await client.query(
        `SELECT min(o.start_date - current_date)::int AS first_in, count(DISTINCT dv.user_id)::int AS voters,
                count(*) FILTER (WHERE dv.answer = 'if_need_be')::int AS if_need_be
           FROM visits v JOIN visit_date_options o ON o.visit_id = v.id
           LEFT JOIN visit_date_votes dv ON dv.option_id = o.id
          WHERE v.start_date IS NULL AND v.status = 'open'`,
      );
      expect(poll.rows[0].first_in).toBeGreaterThan(7);
      expect(poll.rows[0].first_in).toBeLessThan(120);
      expect(poll.rows[0].voters).toBeGreaterThanOrEqual(4);
      expect(poll.rows[0].if_need_be).toBeGreaterThanOrEqual(2);
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
      // workshops: one live public room with history and a pinned message, one upcoming, one ended
      // with its messages and Q&A, one private to a partnership; numbering 1..last_seq without gaps
      const workshops = async () =>
        (
          await client.query(
            `SELECT w.title, w.status, w.scope, w.opened_at, w.last_seq, w.registered_count,
                    (SELECT count(*)::int FROM workshop_messages m WHERE m.workshop_id = w.id) AS messages,
                    (SELECT coalesce(max(seq), 0) FROM workshop_messages m WHERE m.workshop_id = w.id) AS max_seq,
                    (SELECT count(*)::int FROM workshop_messages m WHERE m.workshop_id = w.id AND m.pinned_at IS NOT NULL) AS pinned,
                    (SELECT count(*)::int FROM workshop_questions q WHERE q.workshop_id = w.id) AS questions,
                    (SELECT count(*)::int FROM workshop_attendees a WHERE a.workshop_id = w.id AND a.registered) AS registered,
                    (SELECT count(*)::int FROM workshop_facilitators f WHERE f.workshop_id = w.id) AS facilitators
               FROM workshops w ORDER BY w.title`,
          )
        ).rows;
      const seeded = await workshops();
      const live = seeded.filter((w) => w.status === 'live');
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ scope: 'public', pinned: 1 });
      expect(live[0].messages).toBeGreaterThanOrEqual(8);
      expect(Math.abs(Date.now() - new Date(live[0].opened_at).getTime())).toBeLessThan(60 * 60_000);
      const training = seeded.filter((w) => w.title === DEMO_DELIVERED_TRAINING_TITLE);
      expect(training).toMatchObject([{ status: 'ended', scope: 'partnership', registered: 6, facilitators: 1 }]);
      const ended = seeded.filter((w) => w.status === 'ended' && w.title !== DEMO_DELIVERED_TRAINING_TITLE);
      expect(ended).toHaveLength(1);
      expect(ended[0].messages).toBeGreaterThanOrEqual(15);
      expect(ended[0].questions).toBeGreaterThanOrEqual(2);
      expect(seeded.filter((w) => w.status === 'scheduled' && w.scope === 'public')).toHaveLength(1);
      expect(seeded.filter((w) => w.status === 'scheduled' && w.scope === 'partnership')).toHaveLength(1);
      for (const w of seeded) {
        expect(w.last_seq).toBe(w.max_seq);
        expect(w.messages).toBe(w.max_seq);
        expect(w.registered_count).toBe(w.registered);
        expect(w.facilitators).toBeGreaterThanOrEqual(1);
      }

      // study visits: every state, an open date poll, a confirmed visit with a full agenda and a waitlist
      const visits = (
        await client.query(
          `SELECT v.status, v.start_date, v.capacity, v.places_taken,
                  (SELECT count(*)::int FROM visit_date_options o WHERE o.visit_id = v.id) AS options,
                  (SELECT count(*)::int FROM visit_agenda_items a WHERE a.visit_id = v.id) AS items,
                  (SELECT count(*)::int FROM visit_registrations r WHERE r.visit_id = v.id AND r.status = 'waitlisted') AS waiting,
                  (SELECT coalesce(sum(1 + r.accompanying), 0)::int FROM visit_registrations r
                    WHERE r.visit_id = v.id AND r.status = 'registered') AS registered_places
             FROM visits v`,
        )
      ).rows;
      expect(new Set(visits.map((v) => v.status))).toEqual(
        new Set(['draft', 'open', 'confirmed', 'completed', 'cancelled']),
      );
      expect(visits.filter((v) => v.status === 'open' && v.start_date === null && v.options >= 2)).toHaveLength(1);
      expect(visits.filter((v) => v.status === 'confirmed' && v.items >= 5 && v.waiting >= 1)).toHaveLength(1);
      for (const v of visits) expect(v.places_taken).toBe(v.registered_places);

      // a later start: nothing is added, and the live workshop is live again, opened about now
      await client.query(
        `UPDATE workshops SET status = 'ended', ended_at = now() - interval '3 days', opened_at = now() - interval '3 days'
          WHERE status = 'live'`,
      );
      // an upcoming workshop whose start passed while the demo was off moves ahead again
      await client.query(
        `UPDATE workshops SET starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '90 minutes'
          WHERE status = 'scheduled' AND scope = 'public'`,
      );
      await prepareDatabase(target.toString(), { seed: true, log: () => undefined });
      expect(await count()).toEqual(first);
      const again = await workshops();
      const relive = again.filter((w) => w.status === 'live');
      expect(relive.map((w) => w.title)).toEqual(live.map((w) => w.title));
      expect(Math.abs(Date.now() - new Date(relive[0].opened_at).getTime())).toBeLessThan(60 * 60_000);
      expect(relive[0].messages).toBe(live[0].messages);
      const upcoming = (
        await client.query(`SELECT starts_at, ends_at FROM workshops WHERE status = 'scheduled' AND scope = 'public'`)
      ).rows;
      expect(new Date(upcoming[0].starts_at).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(upcoming[0].ends_at).getTime() - new Date(upcoming[0].starts_at).getTime()).toBe(90 * 60_000);
    } finally {
      await client.end();
    }
  });
});
