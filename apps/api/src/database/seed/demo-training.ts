import type { Theme, TrainingFormat, TrainingSkill, WorkLanguage } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { seedDemoDeliveredTraining } from './demo-training-delivered';

/** Users are named by the local part of their demo email, as in demo-partnerships.ts. */
const email = (local: string) => `${local}@twinning.demo`;
const DAY = 86_400_000;

/** Cities that declare training expertise: their coordinators may answer training requests. */
const EXPERT_CITIES: { slug: string; skills: TrainingSkill[] }[] = [
  { slug: 'rotterdam', skills: ['mediation', 'migration_governance'] },
  { slug: 'lisbon', skills: ['leadership', 'migrant_data'] },
];

export const DEMO_TRAINING_TITLE = 'Mediation and negotiation for newcomer-service front desks';

interface DemoOffer {
  by: string;
  city?: string;
  trainers: string[];
  approach: string;
  format: TrainingFormat;
  /** Proposed days, as days from the seed day. */
  dates: number[];
  language: WorkLanguage;
}

/** An open request from Toronto with two offers: a facilitator's and Rotterdam's. */
const REQUEST = {
  city: 'toronto',
  by: 'coordinator.toronto',
  title: DEMO_TRAINING_TITLE,
  themes: ['integration', 'social_services'] as Theme[],
  skills: ['mediation', 'negotiation'] as TrainingSkill[],
  audienceRoles: ['front-desk staff', 'settlement counsellors'],
  headCount: 14,
  officials: ['official.toronto'],
  languages: ['en', 'fr'] as WorkLanguage[],
  format: 'live_online' as TrainingFormat,
  /** Preferred period: days from the seed day. */
  period: [30, 75],
  timeZone: 'America/Toronto',
  notes:
    'Our front desks meet tense conversations every day (housing, benefits, documents). We would like two or three ' +
    'short live sessions with role plays, ideally in the morning, Toronto time.',
};

const OFFERS: DemoOffer[] = [
  {
    by: 'facilitator',
    trainers: ['facilitator'],
    approach:
      'Three 90-minute live sessions: de-escalation at the counter, interest-based negotiation, and a role-play ' +
      'clinic built from cases your staff bring. Materials in English and French.',
    format: 'live_online',
    dates: [40, 47, 54],
    language: 'en',
  },
  {
    by: 'coordinator.rotterdam',
    city: 'rotterdam',
    trainers: ['coordinator.rotterdam'],
    approach:
      'Rotterdam’s neighbourhood mediators share the method of our city service: two sessions on mediating ' +
      'between newcomers and neighbours, with the scripts our desks use.',
    format: 'live_online',
    dates: [45, 52],
    language: 'en',
  },
];

/**
 * Demo training: expert cities, one open request with two offers, and a delivered training with its
 * workshop and five evaluations (demo-training-delivered.ts). Idempotent: requests are matched by
 * their title, and expertise is only set where a city declares none yet.
 */
export async function seedDemoTraining(manager: EntityManager): Promise<{ requests: number }> {
  for (const city of EXPERT_CITIES) {
    await manager.query(`UPDATE cities SET training_skills = $2 WHERE slug = $1 AND cardinality(training_skills) = 0`, [
      city.slug,
      city.skills,
    ]);
  }
  const delivered = await seedDemoDeliveredTraining(manager);
  const existing = await manager.query(`SELECT 1 FROM training_requests WHERE title = $1`, [REQUEST.title]);
  if (existing.length > 0) return { requests: delivered };

  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const day = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);
  const [request] = await manager.query(
    `INSERT INTO training_requests (city_id, title, themes, skills, audience_roles, head_count, languages, format,
                                    preferred_start, preferred_end, time_zone, notes, created_by)
     SELECT c.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, u.id
       FROM cities c, users u WHERE c.slug = $1 AND u.email = $13
     RETURNING id, created_by`,
    [
      REQUEST.city,
      REQUEST.title,
      REQUEST.themes,
      REQUEST.skills,
      REQUEST.audienceRoles,
      REQUEST.headCount,
      REQUEST.languages,
      REQUEST.format,
      day(REQUEST.period[0]),
      day(REQUEST.period[1]),
      REQUEST.timeZone,
      REQUEST.notes,
      email(REQUEST.by),
    ],
  );
  if (!request) return { requests: delivered };
  await manager.query(
    `INSERT INTO training_request_officials (request_id, user_id)
     SELECT $1, u.id FROM users u WHERE u.email = ANY($2)`,
    [request.id, REQUEST.officials.map(email)],
  );
  await manager.query(
    `INSERT INTO training_request_events (request_id, actor_id, from_status, to_status) VALUES ($1, $2, NULL, 'open')`,
    [request.id, request.created_by],
  );
  for (const offer of OFFERS) {
    const [row] = await manager.query(
      `INSERT INTO training_offers (request_id, created_by, city_id, approach, format, proposed_dates, language)
       SELECT $1, u.id, (SELECT id FROM cities WHERE slug = $3), $4, $5, $6::date[], $7
         FROM users u WHERE u.email = $2
       RETURNING id`,
      [
        request.id,
        email(offer.by),
        offer.city ?? null,
        offer.approach,
        offer.format,
        offer.dates.map(day),
        offer.language,
      ],
    );
    await manager.query(
      `INSERT INTO training_offer_trainers (offer_id, user_id) SELECT $1, u.id FROM users u WHERE u.email = ANY($2)`,
      [row.id, offer.trainers.map(email)],
    );
  }
  return { requests: delivered + 1 };
}
