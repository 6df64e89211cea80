import type { QuestionStatus, Theme, WorkshopAuditAction, WorkshopLanguage } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../../common/markdown';

/** Users are named by the local part of their demo email, as in demo-partnerships.ts. */
interface DemoMessage {
  by: string;
  body: string;
  pinned?: boolean;
  /** Deleted by the first facilitator (a tombstone in the room, a line in the transcript). */
  deleted?: boolean;
}

interface DemoQuestion {
  by: string;
  body: string;
  voters: string[];
  status: QuestionStatus;
}

interface DemoWorkshop {
  title: string;
  description: string;
  theme: Theme;
  language: WorkshopLanguage;
  /** Title of a demo partnership: the workshop is private to its members. */
  partnership?: string;
  /** The first one creates the workshop. */
  facilitators: string[];
  registered: string[];
  capacity: number | null;
  /** How the schedule sits around the moment the seed runs. */
  when: 'live' | 'upcoming' | 'ended';
  /** Days from today (UTC) for upcoming and ended workshops. */
  dayOffset: number;
  /** Start time of day (UTC hour) for upcoming and ended workshops. */
  hour: number;
  minutes: number;
  messages: DemoMessage[];
  questions: DemoQuestion[];
  /** The online meeting (a Jitsi room): its "Join the call" button shows 15 minutes before the start. */
  meetingUrl?: string;
}

const MINUTE = 60_000;

export const DEMO_WORKSHOP_TITLES = {
  live: 'Mediation at the service desk: de-escalating tense conversations',
  upcoming: 'Liderazgo y negociación en programas de empleo para personas recién llegadas',
  ended: 'Médiation interculturelle de quartier : conflits de voisinage et malentendus',
  partnership: 'Employer round table: recognising foreign credentials (Toronto – George Town)',
} as const;

const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    title: DEMO_WORKSHOP_TITLES.live,
    description:
      'A practical session for front-line staff in newcomer services. We look at what makes a conversation ' +
      'escalate when someone has already been sent from desk to desk, and practise the **LEAP** steps: ' +
      '*listen, empathise, ask, propose*.\n\nBring a real situation from your city (anonymised).',
    theme: 'intercultural_dialogue',
    language: 'en',
    facilitators: ['facilitator'],
    registered: [
      'official.toronto',
      'coordinator.penang',
      'official.marseille',
      'coordinator.danang',
      'coordinator.rotterdam',
    ],
    capacity: null,
    when: 'live',
    meetingUrl: 'https://meet.jit.si/twinning-demo-service-desk-mediation',
    dayOffset: 0,
    hour: 0,
    minutes: 120,
    messages: [
      {
        by: 'facilitator',
        body:
          'Welcome, everyone! Today we practise **de-escalation at service desks**: what to do when someone comes ' +
          'back for the third time and still has no answer. Please introduce yourself with your city and one ' +
          'situation you would like to work on.',
      },
      {
        by: 'facilitator',
        pinned: true,
        body:
          '**Agenda**\n\n1. Warm-up: what makes a conversation escalate (10 min)\n' +
          '2. The LEAP steps: listen, empathise, ask, propose (20 min)\n3. Role play in pairs, then debrief (40 min)\n' +
          '4. Questions (15 min)\n\nPut the questions you want answered at the end in the Q&A panel.',
      },
      {
        by: 'official.toronto',
        body:
          'Bonjour ! Marie, du bureau des nouveaux arrivants de Toronto. Notre cas typique : une famille qui attend ' +
          'sa carte santé depuis des semaines et que l’on renvoie d’un guichet à l’autre.',
      },
      {
        by: 'coordinator.penang',
        body:
          'Hi all, Nurul from George Town. For us it is often migrant workers whose employer kept their passport: ' +
          'they arrive angry and frightened at the same time.',
      },
      {
        by: 'official.marseille',
        body: 'مرحباً، كريم من مرسيليا. في مكاتبنا يتوتر الحديث عندما لا يجد الشخص مترجماً ويشعر أن لا أحد يفهمه.',
      },
      {
        by: 'facilitator',
        body:
          'Thank you. These three situations have one thing in common: the person has already been *not heard* ' +
          'several times. The first step is to show that this time is different. What is your first sentence?',
      },
      {
        by: 'coordinator.rotterdam',
        body: 'We train staff to start with the person’s name and “I have read your file” (only when it is true, of course).',
      },
      {
        by: 'coordinator.danang',
        body:
          'Ở Đà Nẵng, chúng tôi bắt đầu bằng việc mời người dân ngồi xuống và mời một cốc nước. ' +
          'A small gesture, but it changes the tone of the whole meeting.',
      },
      {
        by: 'official.toronto',
        body: 'Chez nous, reformuler la demande à voix haute aide beaucoup : « Si je comprends bien, vous avez besoin de… »',
      },
      {
        by: 'facilitator',
        body:
          'Exactly: that is the *L* and the *E* of LEAP. Reformulating proves you listened, and naming the emotion ' +
          '(“this has been exhausting”) lowers the temperature.',
      },
      {
        by: 'coordinator.penang',
        body: 'And when the person asks for something we really cannot give? That is when it escalates for us.',
      },
      {
        by: 'facilitator',
        body:
          'Good question: that is the *P*. Propose what you **can** do, with a date: “I cannot issue the permit ' +
          'today, but I can call the labour office with you now.” We will role-play exactly that in a minute.',
      },
    ],
    questions: [
      {
        by: 'coordinator.penang',
        body: 'How do you de-escalate on the phone, when you cannot use body language?',
        voters: ['official.toronto', 'official.marseille'],
        status: 'open',
      },
      {
        by: 'official.marseille',
        body: 'هل توصون بوجود مترجم في كل مكتب استقبال، أم بخدمة ترجمة عبر الهاتف؟',
        voters: ['coordinator.danang'],
        status: 'open',
      },
    ],
  },
  {
    title: DEMO_WORKSHOP_TITLES.upcoming,
    description:
      'Taller para responsables de programas de empleo. Cómo negociar con empresas locales plazas de prácticas ' +
      'para personas recién llegadas, y cómo sostener la alianza cuando surgen conflictos.\n\n' +
      '- Preparar la negociación: intereses, no posiciones\n- Casos de Valencia, Rotterdam y Toronto\n' +
      '- Ejercicio en pequeños grupos',
    theme: 'employment',
    language: 'es',
    facilitators: ['facilitator'],
    registered: ['member', 'official.toronto'],
    capacity: 30,
    when: 'upcoming',
    dayOffset: 3,
    hour: 15,
    minutes: 90,
    messages: [],
    questions: [],
  },
  {
    title: DEMO_WORKSHOP_TITLES.ended,
    description:
      'Atelier sur la **médiation de quartier** lorsqu’un conflit de voisinage se double d’un malentendu ' +
      'culturel : l’entretien séparé, la rencontre, et le suivi des accords.',
    theme: 'intercultural_dialogue',
    language: 'fr',
    facilitators: ['facilitator', 'admin'],
    registered: ['official.marseille', 'official.toronto', 'coordinator.rotterdam', 'member', 'coordinator.danang'],
    capacity: 25,
    when: 'ended',
    dayOffset: -10,
    hour: 14,
    minutes: 90,
    messages: [
      {
        by: 'facilitator',
        body:
          'Bienvenue à toutes et à tous ! Aujourd’hui : la **médiation de quartier** quand un conflit de voisinage ' +
          'se double d’un malentendu culturel. Présentez-vous en une ligne.',
      },
      {
        by: 'facilitator',
        pinned: true,
        body:
          '**Déroulé**\n\n1. Trois cas réels (15 min)\n2. La posture du médiateur : neutralité, pas indifférence (20 min)\n' +
          '3. Outils : l’entretien séparé, puis la rencontre (30 min)\n4. Questions-réponses (15 min)',
      },
      {
        by: 'official.marseille',
        body:
          'Karim, Marseille. Chez nous, beaucoup de conflits viennent du bruit : fêtes familiales tard le soir, ' +
          'horaires de travail décalés.',
      },
      {
        by: 'official.toronto',
        body:
          'Marie, Toronto. Nous avons surtout des conflits autour des espaces partagés : buanderie, cour, jardins ' +
          'communautaires.',
      },
      {
        by: 'coordinator.rotterdam',
        body:
          'Pieter from Rotterdam, sorry for writing in English. Our mediators are volunteers from the neighbourhood ' +
          'itself, which builds trust quickly.',
      },
      {
        by: 'coordinator.rotterdam',
        deleted: true,
        body: 'Budget Q3 wijkteams: 42.000 euro voor tolken, 18.000 voor… (wrong window, sorry, please delete)',
      },
      {
        by: 'member',
        body:
          'Sofía, Valencia. En nuestros barrios la mediación funciona mejor cuando la persona mediadora habla la ' +
          'lengua de ambas partes.',
      },
      {
        by: 'facilitator',
        body:
          'Très juste. Premier cas : une famille reçoit chaque vendredi soir ; le voisin du dessous, qui travaille ' +
          'de nuit, a appelé la police deux fois. Que veut dire « respect » pour chacun ?',
      },
      {
        by: 'official.marseille',
        body:
          'Pour la famille, le respect c’est accueillir généreusement. Pour le voisin, c’est le calme après 22 h. ' +
          'Chacun a raison dans son propre cadre.',
      },
      {
        by: 'facilitator',
        body:
          'L’entretien séparé sert à cela : laisser chacun dire ce que « respect » veut dire pour lui, sans l’autre ' +
          'en face.',
      },
      {
        by: 'official.toronto',
        body:
          'Et ensuite, la rencontre : on cherche un accord concret. Par exemple, prévenir le voisin à l’avance et ' +
          'baisser la musique à 23 h.',
      },
      {
        by: 'coordinator.danang',
        body:
          'Ở Đà Nẵng, tổ dân phố thường đứng ra hòa giải. The head of the residents’ group acts as mediator: very ' +
          'effective, but not always neutral.',
      },
      {
        by: 'facilitator',
        body:
          'C’est un point clé : **neutralité ne veut pas dire indifférence**. Le médiateur peut venir du quartier, ' +
          's’il ne prend pas parti sur le fond.',
      },
      {
        by: 'official.marseille',
        body: 'ما تعلمناه في مرسيليا: أن نترك للطرفين صياغة الاتفاق بكلماتهما. الاتفاق الذي يكتبه الجيران أنفسهم يُحترم أكثر.',
      },
      {
        by: 'coordinator.rotterdam',
        body: 'Agreed. We also check back after six weeks: about half of the agreements need a small adjustment.',
      },
      {
        by: 'facilitator',
        body:
          'Merci à toutes et à tous ! La transcription reste disponible sur la page de l’atelier. Prochaine ' +
          'session : la médiation entre locataires et bailleurs.',
      },
    ],
    questions: [
      {
        by: 'official.toronto',
        body: 'Comment former des médiateurs bénévoles sans les épuiser ?',
        voters: ['official.marseille', 'coordinator.rotterdam', 'member'],
        status: 'answered',
      },
      {
        by: 'coordinator.danang',
        body: 'Should mediators be paid by the city, or stay volunteers to keep their neutrality?',
        voters: ['official.toronto'],
        status: 'open',
      },
    ],
  },
  {
    title: DEMO_WORKSHOP_TITLES.partnership,
    description:
      'For the members of the Toronto – George Town partnership only. Employers from both cities explain how ' +
      'they assess qualifications earned abroad, and we draft the joint webinar planned in the action plan.',
    theme: 'employment',
    language: 'en',
    partnership: 'Toronto – George Town: Newcomers at Work',
    meetingUrl: 'https://meet.jit.si/twinning-demo-credentials-round-table',
    facilitators: ['facilitator'],
    registered: ['coordinator.toronto', 'coordinator.penang'],
    capacity: 20,
    when: 'upcoming',
    dayOffset: 4,
    hour: 13,
    minutes: 60,
    messages: [],
    questions: [],
  },
];

/** The schedule of a demo workshop relative to `now`. */
function schedule(demo: DemoWorkshop, now: Date) {
  if (demo.when === 'live') {
    const startsAt = new Date(now.getTime() - 20 * MINUTE);
    return {
      startsAt,
      endsAt: new Date(startsAt.getTime() + demo.minutes * MINUTE),
      openedAt: startsAt,
      endedAt: null,
    };
  }
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + demo.dayOffset, demo.hour));
  const endsAt = new Date(day.getTime() + demo.minutes * MINUTE);
  if (demo.when === 'upcoming') return { startsAt: day, endsAt, openedAt: null, endedAt: null };
  return {
    startsAt: day,
    endsAt,
    openedAt: new Date(day.getTime() + 2 * MINUTE),
    endedAt: new Date(endsAt.getTime() - 2 * MINUTE),
  };
}

type Ids = Map<string, string>;

/**
 * Seeds four workshops: one live (reset to live, opened about now, on every run so the demo always
 * has an open room; its history is kept), one upcoming, one ended with its transcript and Q&A, and
 * one private to the Toronto – George Town partnership. Idempotent: workshops are matched by
 * title; an upcoming one whose start has passed is moved ahead again while it is still scheduled.
 */
export async function seedDemoWorkshops(manager: EntityManager): Promise<{ workshops: number; messages: number }> {
  const users: Ids = new Map(
    (
      (await manager.query(
        `SELECT id, split_part(email, '@', 1) AS key FROM users WHERE email LIKE '%@twinning.demo'`,
      )) as { id: string; key: string }[]
    ).map((r) => [r.key, r.id]),
  );
  const need = (key: string) => {
    const id = users.get(key);
    if (!id) throw new Error(`demo seed: unknown user ${key}`);
    return id;
  };
  const now = new Date();
  let workshops = 0;
  let messages = 0;
  for (const demo of DEMO_WORKSHOPS) {
    const when = schedule(demo, now);
    const [existing]: { id: string }[] = await manager.query(`SELECT id FROM workshops WHERE title = $1`, [demo.title]);
    if (existing) {
      if (demo.meetingUrl) {
        await manager.query(`UPDATE workshops SET meeting_url = $2 WHERE id = $1 AND meeting_url IS NULL`, [
          existing.id,
          demo.meetingUrl,
        ]);
      }
      if (demo.when === 'live') {
        await manager.query(
          `UPDATE workshops SET status = 'live', starts_at = $2, ends_at = $3, opened_at = $2, ended_at = NULL,
                  locked = false, slow_mode_seconds = 0, updated_at = now()
            WHERE id = $1`,
          [existing.id, when.startsAt, when.endsAt],
        );
      } else if (demo.when === 'upcoming') {
        await manager.query(
          `UPDATE workshops SET starts_at = $2, ends_at = $2::timestamptz + (ends_at - starts_at), updated_at = now()
            WHERE id = $1 AND status = 'scheduled' AND starts_at < now() + interval '1 hour'`,
          [existing.id, when.startsAt],
        );
      }
      continue;
    }
    let partnershipId: string | null = null;
    if (demo.partnership) {
      const [p]: { id: string }[] = await manager.query(`SELECT id FROM partnerships WHERE title = $1`, [
        demo.partnership,
      ]);
      if (!p) continue; // the demo partnership was removed: nothing to attach the workshop to
      partnershipId = p.id;
    }
    workshops++;
    const creator = need(demo.facilitators[0]);
    const status = demo.when === 'upcoming' ? 'scheduled' : demo.when;
    const [w]: { id: string }[] = await manager.query(
      `INSERT INTO workshops (title, description, description_html, theme, language, scope, partnership_id,
                              starts_at, ends_at, capacity, status, opened_at, ended_at, registered_count,
                              last_seq, created_by, meeting_url, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
               $8::timestamptz - interval '14 days')
       RETURNING id`,
      [
        demo.title,
        demo.description,
        renderMarkdown(demo.description),
        demo.theme,
        demo.language,
        partnershipId ? 'partnership' : 'public',
        partnershipId,
        when.startsAt,
        when.endsAt,
        demo.capacity,
        status,
        when.openedAt,
        when.endedAt,
        demo.registered.length,
        demo.messages.length,
        creator,
        demo.meetingUrl ?? null,
      ],
    );
    await manager.query(
      `INSERT INTO workshop_facilitators (workshop_id, user_id, added_at)
       SELECT $1, f.id, $3::timestamptz - make_interval(days => 14) + make_interval(secs => f.n)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS f(id, n)`,
      [w.id, demo.facilitators.map(need), when.startsAt],
    );
    await manager.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered, registered_at)
       SELECT $1, a.id, true, $3::timestamptz - make_interval(days => 7) + make_interval(mins => a.n::int)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
      [w.id, demo.registered.map(need), when.startsAt],
    );
    messages += await insertMessages(manager, w.id, demo, when.openedAt, need);
    await insertQuestions(manager, w.id, demo, when.openedAt, need);
    if (demo.when === 'ended' && when.openedAt && when.endedAt) {
      await insertEndedAudit(manager, w.id, need(demo.facilitators[0]), when.openedAt, when.endedAt);
      await insertAttendance(manager, w.id, when.openedAt, need);
    }
  }
  return { workshops, messages };
}

/** Messages numbered 1..N (the workshop's last_seq is N), about a minute and a half apart from the opening. */
async function insertMessages(
  manager: EntityManager,
  workshopId: string,
  demo: DemoWorkshop,
  openedAt: Date | null,
  need: (key: string) => string,
): Promise<number> {
  if (demo.messages.length === 0 || !openedAt) return 0;
  const spacing = demo.when === 'live' ? 80_000 : 5 * MINUTE;
  const at = (i: number) => new Date(openedAt.getTime() + MINUTE + i * spacing);
  const facilitator = need(demo.facilitators[0]);
  await manager.query(
    `INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html, created_at,
                                    deleted_at, deleted_by, pinned_at, pinned_by)
     SELECT $1, m.seq, m.author, 'seed-' || m.seq, m.body, m.html, m.at,
            CASE WHEN m.deleted THEN m.at + interval '1 minute' END, CASE WHEN m.deleted THEN $9::uuid END,
            CASE WHEN m.pinned THEN m.at + interval '30 seconds' END, CASE WHEN m.pinned THEN $9::uuid END
       FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[], $8::boolean[])
            AS m(seq, author, body, html, at, deleted, pinned)`,
    [
      workshopId,
      demo.messages.map((_, i) => i + 1),
      demo.messages.map((m) => need(m.by)),
      demo.messages.map((m) => m.body),
      demo.messages.map((m) => renderMarkdown(m.body)),
      demo.messages.map((_, i) => at(i)),
      demo.messages.map((m) => m.deleted === true),
      demo.messages.map((m) => m.pinned === true),
      facilitator,
    ],
  );
  return demo.messages.length;
}

async function insertQuestions(
  manager: EntityManager,
  workshopId: string,
  demo: DemoWorkshop,
  openedAt: Date | null,
  need: (key: string) => string,
): Promise<void> {
  if (!openedAt) return;
  for (const [i, q] of demo.questions.entries()) {
    const askedAt = new Date(openedAt.getTime() + (10 + i * 7) * MINUTE);
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO workshop_questions (workshop_id, author_id, body, body_html, status, votes, created_at, answered_at)
       VALUES ($1, $2, $3, $4, $5::varchar, $6, $7, CASE WHEN $5::varchar = 'answered' THEN $7::timestamptz + interval '20 minutes' END)
       RETURNING id`,
      [workshopId, need(q.by), q.body, renderMarkdown(q.body), q.status, q.voters.length, askedAt],
    );
    if (q.voters.length > 0) {
      await manager.query(
        `INSERT INTO workshop_question_votes (question_id, user_id, created_at)
         SELECT $1, v, $3::timestamptz + interval '2 minutes' FROM unnest($2::uuid[]) AS v`,
        [row.id, q.voters.map(need), askedAt],
      );
    }
  }
}

/** The ended workshop's log: opened, the agenda pinned, a message sent to the wrong room deleted, ended. */
async function insertEndedAudit(
  manager: EntityManager,
  workshopId: string,
  facilitatorId: string,
  openedAt: Date,
  endedAt: Date,
): Promise<void> {
  const marked: { id: string; author_id: string; pinned_at: Date | null; deleted_at: Date | null }[] =
    await manager.query(
      `SELECT id, author_id, pinned_at, deleted_at FROM workshop_messages
        WHERE workshop_id = $1 AND (pinned_at IS NOT NULL OR deleted_at IS NOT NULL) ORDER BY seq`,
      [workshopId],
    );
  const entries: { action: WorkshopAuditAction; at: Date; messageId: string | null; userId: string | null }[] = [
    { action: 'workshop.opened', at: openedAt, messageId: null, userId: null },
  ];
  for (const m of marked) {
    if (m.pinned_at) entries.push({ action: 'message.pinned', at: m.pinned_at, messageId: m.id, userId: null });
    if (m.deleted_at) {
      entries.push({ action: 'message.deleted', at: m.deleted_at, messageId: m.id, userId: m.author_id });
    }
  }
  entries.push({ action: 'workshop.ended', at: endedAt, messageId: null, userId: null });
  await manager.query(
    `INSERT INTO workshop_audit (workshop_id, actor_id, action, target_message_id, target_user_id, created_at)
     SELECT $1, $2, e.action, e.message_id, e.user_id, e.at
       FROM unnest($3::varchar[], $4::uuid[], $5::uuid[], $6::timestamptz[]) AS e(action, message_id, user_id, at)`,
    [
      workshopId,
      facilitatorId,
      entries.map((e) => e.action),
      entries.map((e) => e.messageId),
      entries.map((e) => e.userId),
      entries.map((e) => e.at),
    ],
  );
}

/**
 * Who was in the ended workshop's room, when (minutes from the opening; the room was live 86 minutes): a
 * reconnect, two tabs at once, someone who came late, and the demo member who left after 35 minutes (40 %,
 * short of the 75 % an attendance certificate needs, so the facilitator has something to correct).
 */
const DEMO_ATTENDANCE: Record<string, [number, number][]> = {
  'official.marseille': [[0, 90]],
  'official.toronto': [
    [0, 40],
    [44, 90],
  ],
  'coordinator.rotterdam': [
    [0, 90],
    [20, 60],
  ],
  'coordinator.danang': [[12, 90]],
  member: [[0, 35]],
};

async function insertAttendance(
  manager: EntityManager,
  workshopId: string,
  openedAt: Date,
  need: (key: string) => string,
): Promise<void> {
  const rows = Object.entries(DEMO_ATTENDANCE).flatMap(([key, spans]) =>
    spans.map(([from, to], i) => ({ userId: need(key), socket: `seed-${key}-${i}`, from, to })),
  );
  await manager.query(
    `INSERT INTO workshop_attendance_intervals (workshop_id, user_id, socket_id, instance_id, joined_at, left_at)
     SELECT $1, a.user_id, a.socket, 'seed', $2::timestamptz + make_interval(mins => a.f),
            $2::timestamptz + make_interval(mins => a.t)
       FROM unnest($3::uuid[], $4::text[], $5::int[], $6::int[]) AS a(user_id, socket, f, t)`,
    [
      workshopId,
      openedAt,
      rows.map((r) => r.userId),
      rows.map((r) => r.socket),
      rows.map((r) => r.from),
      rows.map((r) => r.to),
    ],
  );
}
