import type { PollAnswer, Theme, VisitStatus } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../../common/markdown';

/** Users are named by the local part of their demo email, as in demo-partnerships.ts. */
interface DemoAgendaItem {
  /** Day of the visit, 0-based, and host-local wall times. */
  day: number;
  starts: string;
  ends: string;
  title: string;
  site: string;
  address: string;
  hostContact: string;
  notes: string;
}

interface DemoVisit {
  title: string;
  partnership: string;
  host: string;
  createdBy: string;
  status: VisitStatus;
  themes: Theme[];
  purpose: string;
  capacity: number;
  /** Fixed dates: first day as days from the seed day, and length in days. */
  dates?: { offset: number; days: number };
  /** Or a date poll: options as [offset, days], with answers per user (one per option). */
  poll?: { options: [number, number][]; votes: Record<string, PollAnswer[]> };
  /** Registration deadline, days before the first day. */
  deadlineDaysBefore?: number;
  cancelReason?: string;
  /** In order of arrival; whoever does not fit waits. */
  registrations: { by: string; accompanying?: number; dietary?: string; accessibility?: string }[];
  agenda: DemoAgendaItem[];
  report?: {
    by: string;
    seen: string;
    practices: string;
    actions: { title: string; description: string; milestone?: { owner: string; dueInDays: number } }[];
  };
}

const PARTNERSHIPS = {
  work: 'Toronto – George Town: Newcomers at Work',
  mobility: 'Rotterdam – Da Nang: Inclusive Mobility',
} as const;

export const DEMO_VISIT_TITLES = {
  confirmed: 'Study visit: newcomer employment services in Toronto',
  poll: 'Visite d’étude : le guichet mobile de George Town',
  completed: 'Job-matching fair and migrant worker desks in George Town',
  draft: 'Language-at-work courses in Toronto (draft)',
  cancelled: 'Night-bus pilot ride-along in Rotterdam',
  open: 'Multilingual wayfinding at Da Nang bus terminals',
} as const;

const DEMO_VISITS: DemoVisit[] = [
  {
    title: DEMO_VISIT_TITLES.confirmed,
    partnership: PARTNERSHIPS.work,
    host: 'toronto',
    createdBy: 'coordinator.toronto',
    status: 'confirmed',
    themes: ['employment', 'integration'],
    purpose:
      'Three days with the teams that connect newcomers with work in Toronto: **credential recognition**, the ' +
      'employer council and language-at-work courses.\n\nThe George Town delegation brings its portable skills card.',
    capacity: 2,
    dates: { offset: 45, days: 3 },
    deadlineDaysBefore: 14,
    registrations: [
      { by: 'coordinator.penang', accompanying: 1, dietary: 'Halal', accessibility: '' },
      { by: 'official.toronto', dietary: 'Vegetarian', accessibility: 'Step-free access, please' },
    ],
    agenda: [
      {
        day: 0,
        starts: '09:00',
        ends: '10:30',
        title: 'Welcome at the Newcomer Office',
        site: 'Toronto Newcomer Office',
        address: '55 John St, Toronto, ON',
        hostContact: 'Daniel Okafor, +1 416 555 0142',
        notes: 'Coffee and introductions. Bring **photo ID** for the building.',
      },
      {
        day: 0,
        starts: '11:00',
        ends: '12:30',
        title: 'Credential recognition: the nurses’ bridging programme',
        site: 'Toronto Metropolitan University',
        address: '350 Victoria St, Toronto, ON',
        hostContact: 'Programme office, +1 416 555 0177',
        notes: 'Meet two graduates of the programme and their navigator.',
      },
      {
        day: 0,
        starts: '14:00',
        ends: '16:00',
        title: 'Employer council round table',
        site: 'Toronto Region Board of Trade',
        address: '1 First Canadian Place, Toronto, ON',
        hostContact: 'Daniel Okafor',
        notes: 'Five employers explain how they co-designed the licensing exams.',
      },
      {
        day: 1,
        starts: '09:30',
        ends: '12:00',
        title: 'Language-at-work course, live',
        site: 'Centre for Education and Training',
        address: '90 Burnhamthorpe Rd W, Mississauga, ON',
        hostContact: 'Course lead, +1 905 555 0110',
        notes: 'Observe a class for warehouse supervisors; the teachers take questions after.',
      },
      {
        day: 1,
        starts: '13:30',
        ends: '15:00',
        title: 'Lunch and learn with settlement workers',
        site: 'Scarborough Civic Centre',
        address: '150 Borough Dr, Toronto, ON',
        hostContact: '',
        notes: '',
      },
      {
        day: 2,
        starts: '10:00',
        ends: '11:30',
        title: 'Debrief and next steps',
        site: 'City Hall, Committee Room 2',
        address: '100 Queen St W, Toronto, ON',
        hostContact: 'Daniel Okafor',
        notes: 'What will George Town pilot? Draft the follow-up actions together.',
      },
    ],
  },
  {
    title: DEMO_VISIT_TITLES.poll,
    partnership: PARTNERSHIPS.work,
    host: 'george-town-penang',
    createdBy: 'coordinator.penang',
    status: 'open',
    themes: ['integration', 'social_services'],
    purpose:
      'Découvrir le guichet mobile qui se rend le dimanche dans les dortoirs de travailleurs migrants, et ' +
      'son registre de visites. *Choisissez vos dates !*',
    capacity: 8,
    poll: {
      options: [
        [45, 3],
        [59, 3],
        [73, 4],
      ],
      votes: {
        'coordinator.toronto': ['yes', 'if_need_be', 'no'],
        'official.toronto': ['if_need_be', 'yes', 'no'],
        'coordinator.penang': ['yes', 'yes', 'if_need_be'],
        'official.penang': ['no', 'yes', 'yes'],
      },
    },
    registrations: [],
    agenda: [],
  },
  {
    title: DEMO_VISIT_TITLES.completed,
    partnership: PARTNERSHIPS.work,
    host: 'george-town-penang',
    createdBy: 'coordinator.penang',
    status: 'completed',
    themes: ['employment'],
    purpose: 'The state job-matching fair and the migrant worker welfare desks at two factories.',
    capacity: 6,
    dates: { offset: -60, days: 2 },
    registrations: [{ by: 'coordinator.toronto' }, { by: 'official.toronto', dietary: 'No shellfish' }],
    agenda: [
      {
        day: 0,
        starts: '09:00',
        ends: '13:00',
        title: 'Job-matching fair',
        site: 'SPICE Convention Centre',
        address: 'Jalan Tun Dr Awang, Bayan Lepas, Penang',
        hostContact: 'Nurul Aziz',
        notes: '',
      },
      {
        day: 1,
        starts: '10:00',
        ends: '12:00',
        title: 'Welfare desk at a factory dormitory',
        site: 'Bayan Lepas Free Industrial Zone',
        address: 'Phase 4, Bayan Lepas, Penang',
        hostContact: 'Nurul Aziz',
        notes: 'Sunday routine of the mobile desk, shown on a weekday for us.',
      },
    ],
    report: {
      by: 'coordinator.toronto',
      seen:
        'A fair where **employers interview on the spot** and the welfare desk that follows workers after they ' +
        'change employer.',
      practices: '- The portable skills card, signed by the previous employer\n- Sunday desk hours in the dormitories',
      actions: [
        {
          title: 'Pilot a portable skills card with two Toronto employers',
          description: 'Start with the warehouse sector; reuse George Town’s template.',
          milestone: { owner: 'official.toronto', dueInDays: 120 },
        },
        { title: 'Share the mobile desk’s visit log template', description: 'George Town sends it in English.' },
      ],
    },
  },
  {
    title: DEMO_VISIT_TITLES.draft,
    partnership: PARTNERSHIPS.work,
    host: 'toronto',
    createdBy: 'coordinator.toronto',
    status: 'draft',
    themes: ['education', 'employment'],
    purpose: 'A short follow-up visit on language-at-work courses. Agenda to come.',
    capacity: 4,
    dates: { offset: 150, days: 2 },
    registrations: [],
    agenda: [],
  },
  {
    title: DEMO_VISIT_TITLES.cancelled,
    partnership: PARTNERSHIPS.mobility,
    host: 'rotterdam',
    createdBy: 'coordinator.rotterdam',
    status: 'cancelled',
    themes: ['transportation'],
    purpose: 'Ride the night buses that take port workers home, with the drivers who designed the routes.',
    capacity: 5,
    dates: { offset: 20, days: 2 },
    cancelReason: 'Rescheduled: the night-bus pilot moved to the autumn.',
    registrations: [{ by: 'coordinator.danang' }],
    agenda: [
      {
        day: 0,
        starts: '22:30',
        ends: '23:59',
        title: 'Night bus B12 ride-along',
        site: 'Rotterdam Centraal, bus platform',
        address: 'Stationsplein 1, Rotterdam',
        hostContact: 'RET night team',
        notes: '',
      },
    ],
  },
  {
    title: DEMO_VISIT_TITLES.open,
    partnership: PARTNERSHIPS.mobility,
    host: 'da-nang',
    createdBy: 'coordinator.danang',
    status: 'open',
    themes: ['transportation', 'intercultural_dialogue'],
    purpose: 'See the bilingual signs at the new terminals and test Korean and Chinese additions with workers.',
    capacity: 6,
    dates: { offset: 60, days: 3 },
    deadlineDaysBefore: 21,
    registrations: [{ by: 'coordinator.rotterdam', dietary: 'Vegetarian' }],
    agenda: [
      {
        day: 0,
        starts: '08:30',
        ends: '11:00',
        title: 'Central bus terminal walk-through',
        site: 'Da Nang Central Bus Station',
        address: 'Tôn Đức Thắng, Liên Chiểu, Đà Nẵng',
        hostContact: 'Trần Minh Anh',
        notes: 'Wear comfortable shoes.',
      },
    ],
  },
];

type Ids = Map<string, string>;

const DAY = 24 * 3600_000;
const dayFrom = (base: number, offset: number) => new Date(base + offset * DAY).toISOString().slice(0, 10);

/**
 * Seeds study visits in every state: a confirmed one with a full agenda and a waitlist, one with an
 * open date poll, a completed one with its report (an action already a milestone), a draft, a
 * cancelled one and an open one. Dates sit around the day of the first seed. Idempotent by title.
 */
export async function seedDemoVisits(manager: EntityManager): Promise<{ visits: number }> {
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
  const cities = new Map(
    (
      (await manager.query(`SELECT id, slug, time_zone FROM cities`)) as {
        id: string;
        slug: string;
        time_zone: string;
      }[]
    ).map((r) => [r.slug, r]),
  );
  const need = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo seed: unknown ${key}`);
    return value;
  };
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

  let visits = 0;
  for (const demo of DEMO_VISITS) {
    const exists = await manager.query(`SELECT 1 FROM visits WHERE title = $1`, [demo.title]);
    if (exists.length > 0) continue;
    const [partnership]: { id: string }[] = await manager.query(`SELECT id FROM partnerships WHERE title = $1`, [
      demo.partnership,
    ]);
    if (!partnership) continue;
    visits++;
    const host = need(cities, demo.host);
    const start = demo.dates ? dayFrom(today, demo.dates.offset) : null;
    const end = demo.dates ? dayFrom(today, demo.dates.offset + demo.dates.days - 1) : null;
    const deadline =
      demo.dates && demo.deadlineDaysBefore !== undefined
        ? new Date(today + (demo.dates.offset - demo.deadlineDaysBefore) * DAY + 12 * 3600_000)
        : null;
    // iCalendar SEQUENCE: one per state change and agenda item, as if planned through the API
    const moves = { draft: 0, open: 1, confirmed: 2, completed: 3, cancelled: 2 }[demo.status];
    const [visit]: { id: string }[] = await manager.query(
      `INSERT INTO visits (partnership_id, host_city_id, title, purpose, purpose_html, themes, capacity,
                           registration_deadline, time_zone, start_date, end_date, status, cancel_reason, sequence,
                           created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() - interval '30 days')
       RETURNING id`,
      [
        partnership.id,
        host.id,
        demo.title,
        demo.purpose,
        renderMarkdown(demo.purpose),
        demo.themes,
        demo.capacity,
        deadline,
        host.time_zone,
        start,
        end,
        demo.status,
        demo.cancelReason ?? null,
        moves + demo.agenda.length,
        need(users, demo.createdBy),
      ],
    );

    if (demo.poll) {
      const optionIds: string[] = [];
      for (const [offset, days] of demo.poll.options) {
        const [option]: { id: string }[] = await manager.query(
          `INSERT INTO visit_date_options (visit_id, start_date, end_date) VALUES ($1, $2, $3) RETURNING id`,
          [visit.id, dayFrom(today, offset), dayFrom(today, offset + days - 1)],
        );
        optionIds.push(option.id);
      }
      for (const [voter, answers] of Object.entries(demo.poll.votes)) {
        for (const [i, answer] of answers.entries()) {
          await manager.query(`INSERT INTO visit_date_votes (option_id, user_id, answer) VALUES ($1, $2, $3)`, [
            optionIds[i],
            need(users, voter),
            answer,
          ]);
        }
      }
    }

    for (const item of demo.agenda) {
      if (!start) break;
      const day = dayFrom(Date.parse(`${start}T00:00:00Z`), item.day);
      await manager.query(
        `INSERT INTO visit_agenda_items (visit_id, starts_local, ends_local, title, site, address, host_contact, notes, notes_html)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          visit.id,
          `${day}T${item.starts}`,
          `${day}T${item.ends}`,
          item.title,
          item.site,
          item.address,
          item.hostContact,
          item.notes,
          renderMarkdown(item.notes),
        ],
      );
    }

    // registrations in order of arrival: registered while places remain, then the waitlist
    let taken = 0;
    for (const [i, r] of demo.registrations.entries()) {
      const places = 1 + (r.accompanying ?? 0);
      const status = taken + places <= demo.capacity ? 'registered' : 'waitlisted';
      if (status === 'registered') taken += places;
      await manager.query(
        `INSERT INTO visit_registrations (visit_id, user_id, status, accompanying, dietary, accessibility, queued_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => 20 - $7::int), now() - make_interval(days => 20 - $7::int))`,
        [visit.id, need(users, r.by), status, r.accompanying ?? 0, r.dietary ?? '', r.accessibility ?? '', i],
      );
    }
    await manager.query(`UPDATE visits SET places_taken = $2 WHERE id = $1`, [visit.id, taken]);

    if (demo.report) {
      const author = need(users, demo.report.by);
      await manager.query(
        `INSERT INTO visit_reports (visit_id, seen, seen_html, practices, practices_html, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          visit.id,
          demo.report.seen,
          renderMarkdown(demo.report.seen),
          demo.report.practices,
          renderMarkdown(demo.report.practices),
          author,
        ],
      );
      for (const [position, action] of demo.report.actions.entries()) {
        let milestoneId: string | null = null;
        if (action.milestone) {
          const [milestone]: { id: string }[] = await manager.query(
            `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status, created_by)
             VALUES ($1, $2, $3, $4, 'planned', $5) RETURNING id`,
            [
              partnership.id,
              action.title,
              need(users, action.milestone.owner),
              dayFrom(today, action.milestone.dueInDays),
              author,
            ],
          );
          milestoneId = milestone.id;
        }
        await manager.query(
          `INSERT INTO visit_report_actions (visit_id, position, title, description, milestone_id)
           VALUES ($1, $2, $3, $4, $5)`,
          [visit.id, position, action.title, action.description, milestoneId],
        );
      }
    }
  }
  return { visits };
}
