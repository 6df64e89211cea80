import type { MilestoneStatus, PartnershipStatus, Theme } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { extractMentions, renderMarkdown } from '../../common/markdown';
import { DEMO_THEME_THREADS, type DemoThread } from './demo-forum-threads';
import { moderateDemoThread, type SeededThread } from './demo-moderation';

interface DemoPartnership {
  title: string;
  status: PartnershipStatus;
  from: { city: string; by: string };
  to: { city: string; decidedBy?: string };
  themes: Theme[];
  goals: string;
  message: string;
  milestones: { title: string; owner: string; due: string; status: MilestoneStatus }[];
  threads: DemoThread[];
}

/** Users are named by the local part of their demo email (coordinator.toronto@twinning.demo → coordinator.toronto). */
const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    title: 'Toronto – George Town: Newcomers at Work',
    status: 'active',
    from: { city: 'toronto', by: 'coordinator.toronto' },
    to: { city: 'george-town-penang', decidedBy: 'coordinator.penang' },
    themes: ['employment', 'integration'],
    goals:
      'Compare how each city connects newcomers with work: credential recognition, employer networks and ' +
      'language-at-work courses. Pilot one practice from the other city by the end of 2027.',
    message: 'Penang’s work on migrant worker welfare would help our employer council. Shall we learn together?',
    milestones: [
      {
        title: 'Exchange data on credential recognition waiting times',
        owner: 'official.toronto',
        due: '2027-02-15',
        status: 'in_progress',
      },
      {
        title: 'Joint webinar for employers in both cities',
        owner: 'coordinator.penang',
        due: '2027-04-30',
        status: 'planned',
      },
      {
        title: 'Agree the partnership’s terms of reference',
        owner: 'coordinator.toronto',
        due: '2026-10-01',
        status: 'done',
      },
    ],
    threads: [
      {
        title: 'Credential recognition pilots: what worked in Toronto',
        lang: 'en',
        themes: ['employment'],
        pinned: true,
        posts: [
          {
            by: 'coordinator.toronto',
            body:
              'Our **bridging programme** for internationally trained nurses cut the wait for a licence from 26 to 14 months.\n\n' +
              'Three things made the difference:\n\n1. One navigator per applicant\n2. Paid clinical placements\n' +
              '3. Employers co-designing the exams\n\n@nurul_aziz, how are qualifications of migrant workers assessed in Penang?',
          },
          {
            by: 'coordinator.penang',
            body:
              'Thank you @daniel_okafor. Most migrant workers here arrive on sector-specific permits, so recognition is ' +
              'rarely the issue; *moving between employers* is. We are testing a portable skills card with the state ' +
              'manufacturers’ federation.',
          },
          {
            by: 'official.toronto',
            lang: 'fr',
            body:
              'Très intéressant ! À Toronto, la carte de compétences portable pourrait aider les travailleurs ' +
              'temporaires qui changent d’employeur. Pouvez-vous partager le modèle de carte ?',
          },
        ],
      },
      {
        title: 'Accueil des nouveaux arrivants : un guichet unique ?',
        lang: 'fr',
        themes: ['integration'],
        posts: [
          {
            by: 'official.toronto',
            body:
              'Notre guichet unique regroupe logement, emploi et inscription scolaire. Les visites ont doublé en un an.\n\n' +
              '> Un seul numéro, une seule adresse.\n\nComment George Town oriente-t-elle les nouveaux arrivants ?',
          },
          {
            by: 'coordinator.penang',
            lang: 'en',
            body: 'We use a mobile desk that visits worker dormitories on Sundays. I will share our visit log (in English, sorry!).',
          },
        ],
      },
    ],
  },
  {
    title: 'Rotterdam – Da Nang: Inclusive Mobility',
    status: 'active',
    from: { city: 'rotterdam', by: 'coordinator.rotterdam' },
    to: { city: 'da-nang', decidedBy: 'coordinator.danang' },
    themes: ['transportation', 'intercultural_dialogue'],
    goals:
      'Make public transport usable for newcomers from their first day: multilingual wayfinding, fare support, night buses.',
    message: 'Da Nang’s growth and Rotterdam’s port-city experience could meet on mobility.',
    milestones: [
      {
        title: 'Multilingual signage audit at two stations',
        owner: 'coordinator.danang',
        due: '2027-03-31',
        status: 'planned',
      },
    ],
    threads: [
      {
        title: 'Multilingual wayfinding at stations',
        lang: 'en',
        themes: ['transportation'],
        posts: [
          {
            by: 'coordinator.rotterdam',
            body: 'At Rotterdam Centraal we tested pictograms plus five languages. Newcomers asked staff 40% less often.',
          },
          {
            by: 'coordinator.danang',
            lang: 'vi',
            body:
              'Ở Đà Nẵng, chúng tôi đang thử biển báo song ngữ Việt–Anh tại các trạm xe buýt mới. ' +
              'We would like to add Korean and Chinese for the new workers in the industrial parks.',
          },
        ],
      },
    ],
  },
  {
    title: 'Marseille – Da Nang: Port Cities Welcome',
    status: 'proposed',
    from: { city: 'marseille', by: 'official.marseille' },
    to: { city: 'da-nang' },
    themes: ['integration', 'social_services'],
    goals:
      'Two port cities compare how they welcome seafarers, students and families who settle after arriving by sea.',
    message: 'Marseille would be glad to learn from Da Nang’s fast-growing welcome services.',
    milestones: [],
    threads: [],
  },
];

type Ids = Map<string, string>;

/** Seeds partnerships, forum threads in several languages, a pending proposal and a flagged post. Idempotent. */
export async function seedDemoPartnerships(manager: EntityManager): Promise<{ partnerships: number; threads: number }> {
  const users: Ids = new Map(
    (
      (await manager.query(
        `SELECT id, split_part(email, '@', 1) AS key FROM users WHERE email LIKE '%@twinning.demo'`,
      )) as {
        id: string;
        key: string;
      }[]
    ).map((r) => [r.key, r.id]),
  );
  const cities: Ids = new Map(
    ((await manager.query(`SELECT id, slug FROM cities`)) as { id: string; slug: string }[]).map((r) => [r.slug, r.id]),
  );
  const handles = new Set(
    ((await manager.query(`SELECT handle FROM users`)) as { handle: string }[]).map((r) => r.handle),
  );
  const need = (ids: Ids, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo seed: unknown ${key}`);
    return id;
  };

  let partnerships = 0;
  let threads = 0;
  for (const demo of DEMO_PARTNERSHIPS) {
    const exists = await manager.query(`SELECT 1 FROM partnerships WHERE title = $1`, [demo.title]);
    if (exists.length > 0) continue;
    partnerships++;
    const proposer = need(users, demo.from.by);
    const fromCity = need(cities, demo.from.city);
    const toCity = need(cities, demo.to.city);
    const [p]: { id: string }[] = await manager.query(
      `INSERT INTO partnerships (title, status, themes, goals, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '60 days', now()) RETURNING id`,
      [demo.title, demo.status, demo.themes, demo.goals, proposer],
    );
    const decider = demo.to.decidedBy ? need(users, demo.to.decidedBy) : null;
    await manager.query(
      `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by, invited_by_city_id, message, invited_at, decided_by, decided_at)
       VALUES ($1, $2, 'member', $4, NULL, '', now() - interval '60 days', $4, now() - interval '60 days'),
              ($1, $3, $5, $4, $2, $6, now() - interval '60 days', $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() - interval '55 days' END)`,
      [p.id, fromCity, toCity, proposer, decider ? 'member' : 'invited', demo.message, decider],
    );
    await manager.query(
      `INSERT INTO partnership_events (partnership_id, action, actor_id, city_id, note, created_at)
       VALUES ($1, 'proposed', $2, $3, $4, now() - interval '60 days')`,
      [p.id, proposer, fromCity, demo.message],
    );
    if (decider) {
      await manager.query(
        `INSERT INTO partnership_events (partnership_id, action, actor_id, city_id, created_at)
         VALUES ($1, 'accepted', $2, $3, now() - interval '55 days'),
                ($1, 'activated', $2, NULL, now() - interval '55 days' + interval '1 second')`,
        [p.id, decider, toCity],
      );
    }
    const [forum]: { id: string }[] = await manager.query(
      `INSERT INTO forums (kind, partnership_id) VALUES ('partnership', $1) RETURNING id`,
      [p.id],
    );
    for (const m of demo.milestones) {
      await manager.query(
        `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.id, m.title, need(users, m.owner), m.due, m.status, proposer],
      );
    }
    for (const thread of demo.threads) {
      const seeded = await insertThread(manager, forum.id, thread, users, handles, need);
      await moderateDemoThread(manager, thread, seeded, (key) => need(users, key));
      threads++;
    }
  }

  for (const demo of DEMO_THEME_THREADS) {
    const [forum]: { id: string }[] = await manager.query(`SELECT id FROM forums WHERE kind = 'theme' AND theme = $1`, [
      demo.forum,
    ]);
    const exists = await manager.query(`SELECT 1 FROM threads WHERE forum_id = $1 AND title = $2`, [
      forum.id,
      demo.title,
    ]);
    if (exists.length > 0) continue;
    const seeded = await insertThread(manager, forum.id, demo, users, handles, need);
    await moderateDemoThread(manager, demo, seeded, (key) => need(users, key));
    threads++;
  }
  return { partnerships, threads };
}

async function insertThread(
  manager: EntityManager,
  forumId: string,
  thread: DemoThread,
  users: Ids,
  handles: ReadonlySet<string>,
  need: (ids: Ids, key: string) => string,
): Promise<SeededThread> {
  const author = need(users, thread.posts[0].by);
  const n = thread.posts.length;
  const lastPoster = need(users, thread.posts[n - 1].by);
  const [t]: { id: string }[] = await manager.query(
    `INSERT INTO threads (forum_id, author_id, title, themes, pinned, last_seq, post_count, last_posted_at, last_poster_id, created_at, language)
     VALUES ($1, $2, $3, $4, $5, $6, $6, now() - interval '1 hour', $7, now() - make_interval(hours => $6::int * 5), $8) RETURNING id`,
    [forumId, author, thread.title, thread.themes, thread.pinned ?? false, n, lastPoster, thread.lang],
  );
  const postIds: string[] = [];
  for (const [i, post] of thread.posts.entries()) {
    const by = need(users, post.by);
    const mentions = new Set(extractMentions(post.body).filter((h) => handles.has(h)));
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO posts (thread_id, seq, author_id, body, body_html, created_at, language)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(hours => ($6::int - $2::int) * 5 + 1), $7) RETURNING id`,
      [t.id, i + 1, by, post.body, renderMarkdown(post.body, { mentions }), n, post.lang ?? thread.lang],
    );
    postIds.push(row.id);
    await manager.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq, level) VALUES ($1, $2, $3, 'watching')
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq)`,
      [by, t.id, i + 1],
    );
  }
  return { id: t.id, forumId, title: thread.title, postIds };
}
