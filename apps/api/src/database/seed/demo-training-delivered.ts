import type { EntityManager } from 'typeorm';

/** Users are named by the local part of their demo email, as in demo-partnerships.ts. */
const email = (local: string) => `${local}@twinning.demo`;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const DEMO_DELIVERED_TRAINING_TITLE = 'Leading multilingual front-desk teams';
const PARTNERSHIP_TITLE = 'Toronto – George Town: Newcomers at Work';

/**
 * Officials who took part besides the named ones (they registered for the workshop). They sign in
 * with the demo password (their hash is copied from the admin's).
 */
export const DEMO_TRAINING_ATTENDEES = [
  { local: 'attendee1.toronto', name: 'Grace Mensah', city: 'toronto', lang: 'en', zone: 'America/Toronto' },
  { local: 'attendee2.toronto', name: 'Karim Haddad', city: 'toronto', lang: 'fr', zone: 'America/Toronto' },
  { local: 'attendee1.penang', name: 'Nurul Aziz', city: 'george-town-penang', lang: 'en', zone: 'Asia/Kuala_Lumpur' },
  { local: 'attendee2.penang', name: 'Wei Jie Tan', city: 'george-town-penang', lang: 'en', zone: 'Asia/Kuala_Lumpur' },
];

/** Five answers (official.toronto has not answered yet: sign in as them to try the form). */
const ANSWERS: { by: string; overall: number; relevance: number; willApply: boolean; improve: string }[] = [
  { by: 'official.penang', overall: 5, relevance: 5, willApply: true, improve: 'More time for the role plays' },
  {
    by: 'attendee1.toronto',
    overall: 4,
    relevance: 5,
    willApply: true,
    improve: 'Share the scripts before the session',
  },
  { by: 'attendee2.toronto', overall: 4, relevance: 3, willApply: true, improve: 'Des exemples en français aussi' },
  { by: 'attendee1.penang', overall: 3, relevance: 4, willApply: false, improve: '' },
  { by: 'attendee2.penang', overall: 5, relevance: 4, willApply: true, improve: 'A follow-up session in three months' },
];

/**
 * A delivered training: the Toronto – George Town partnership asked for it, the demo facilitator's offer
 * was accepted, one live workshop (partnership scope) took place ten days ago, and its evaluation is
 * open with five answers, so the requesters and the trainer see the aggregate. Idempotent: matched
 * by title.
 */
export async function seedDemoDeliveredTraining(manager: EntityManager): Promise<number> {
  const existing = await manager.query(`SELECT 1 FROM training_requests WHERE title = $1`, [
    DEMO_DELIVERED_TRAINING_TITLE,
  ]);
  if (existing.length > 0) return 0;
  const [ids] = await manager.query(
    `SELECT (SELECT id FROM partnerships WHERE title = $1) AS partnership_id,
            (SELECT id FROM users WHERE email = $2) AS requester_id,
            (SELECT id FROM users WHERE email = $3) AS trainer_id,
            (SELECT password_hash FROM users WHERE email = $4) AS password_hash`,
    [PARTNERSHIP_TITLE, email('coordinator.toronto'), email('facilitator'), email('admin')],
  );
  if (!ids.partnership_id || !ids.requester_id || !ids.trainer_id) return 0;

  for (const a of DEMO_TRAINING_ATTENDEES) {
    await manager.query(
      `INSERT INTO users (email, password_hash, display_name, roles, preferred_language, time_zone, work_languages,
                          email_verified_at)
       VALUES ($1, $2, $3, '{}', $4, $5, $6, now()) ON CONFLICT (email) DO NOTHING`,
      [email(a.local), ids.password_hash, a.name, a.lang, a.zone, [a.lang]],
    );
    await manager.query(
      `INSERT INTO city_memberships (city_id, user_id, role, status, message, decided_at)
       SELECT c.id, u.id, 'official', 'approved', '', now() FROM cities c, users u WHERE c.slug = $1 AND u.email = $2
       ON CONFLICT (city_id, user_id) DO NOTHING`,
      [a.city, email(a.local)],
    );
  }

  const now = Date.now();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const startsAt = at(-10 * DAY);
  const endsAt = at(-10 * DAY + 2 * HOUR);
  const deliveredAt = at(-10 * DAY + 2 * HOUR + 10 * 60_000);
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

  const [request] = await manager.query(
    `INSERT INTO training_requests (partnership_id, title, themes, skills, audience_roles, head_count, languages, format,
                                    preferred_start, preferred_end, time_zone, notes, created_by, created_at)
     VALUES ($1, $2, '{integration,employment}', '{leadership}', '{team leads,front-desk staff}', 6, '{en}',
             'live_online', $3, $4, 'America/Toronto',
             'Team leads in both cities manage desks that work in five or more languages.', $5, $6)
     RETURNING id`,
    [ids.partnership_id, DEMO_DELIVERED_TRAINING_TITLE, day(-20), day(-5), ids.requester_id, at(-40 * DAY)],
  );
  await manager.query(
    `INSERT INTO training_request_officials (request_id, user_id)
     SELECT $1, id FROM users WHERE email = ANY($2)`,
    [request.id, [email('official.toronto'), email('official.penang')]],
  );
  const [offer] = await manager.query(
    `INSERT INTO training_offers (request_id, created_by, approach, format, proposed_dates, language, status,
                                  created_at, decided_at)
     VALUES ($1, $2, $3, 'live_online', $4::date[], 'en', 'accepted', $5, $6) RETURNING id`,
    [
      request.id,
      ids.trainer_id,
      'One two-hour live session: leading a multilingual desk, sharing the load of difficult conversations, and ' +
        'a peer-coaching routine your team leads can keep up afterwards.',
      [day(-10)],
      at(-35 * DAY),
      at(-30 * DAY),
    ],
  );
  await manager.query(`INSERT INTO training_offer_trainers (offer_id, user_id) VALUES ($1, $2)`, [
    offer.id,
    ids.trainer_id,
  ]);

  const [workshop] = await manager.query(
    `INSERT INTO workshops (title, description, description_html, theme, language, scope, partnership_id,
                            starts_at, ends_at, status, opened_at, ended_at, created_by)
     VALUES ($1, $2, $3, 'integration', 'en', 'partnership', $4, $5, $6, 'ended', $5, $6, $7) RETURNING id`,
    [
      DEMO_DELIVERED_TRAINING_TITLE,
      'The training session of the request of the same name.',
      '<p>The training session of the request of the same name.</p>',
      ids.partnership_id,
      startsAt,
      endsAt,
      ids.trainer_id,
    ],
  );
  await manager.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
    workshop.id,
    ids.trainer_id,
  ]);
  const participants = [
    email('official.toronto'),
    email('official.penang'),
    ...DEMO_TRAINING_ATTENDEES.map((a) => email(a.local)),
  ];
  const registered = await manager.query(
    `INSERT INTO workshop_attendees (workshop_id, user_id, registered, registered_at)
     SELECT $1, id, true, $3 FROM users WHERE email = ANY($2) RETURNING user_id`,
    [workshop.id, participants, at(-20 * DAY)],
  );
  await manager.query(`UPDATE workshops SET registered_count = $2 WHERE id = $1`, [workshop.id, registered.length]);
  await manager.query(
    `INSERT INTO training_sessions (request_id, position, title, starts_at, ends_at, workshop_id)
     VALUES ($1, 1, $2, $3, $4, $5)`,
    [request.id, DEMO_DELIVERED_TRAINING_TITLE, startsAt, endsAt, workshop.id],
  );
  await manager.query(
    `UPDATE training_requests
        SET status = 'delivered', accepted_offer_id = $2, scheduled_at = $3, delivery_ends_at = $4, delivered_at = $5,
            updated_at = $5
      WHERE id = $1`,
    [request.id, offer.id, at(-25 * DAY), endsAt, deliveredAt],
  );
  await manager.query(
    `INSERT INTO training_request_events (request_id, actor_id, from_status, to_status, note, created_at)
     VALUES ($1, $2, NULL, 'open', '', $3), ($1, $2, 'open', 'matched', '', $4),
            ($1, $5, 'matched', 'scheduled', '', $6), ($1, NULL, 'scheduled', 'delivered', 'The training is over.', $7)`,
    [request.id, ids.requester_id, at(-40 * DAY), at(-30 * DAY), ids.trainer_id, at(-25 * DAY), deliveredAt],
  );
  for (const [i, answer] of ANSWERS.entries()) {
    await manager.query(
      `INSERT INTO training_evaluations (request_id, user_id, overall, relevance, will_apply, improve, created_at, updated_at)
       SELECT $1, id, $3, $4, $5, $6, $7, $7 FROM users WHERE email = $2`,
      [
        request.id,
        email(answer.by),
        answer.overall,
        answer.relevance,
        answer.willApply,
        answer.improve,
        at(-9 * DAY + i * HOUR),
      ],
    );
  }
  return 1;
}
