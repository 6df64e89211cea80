import type {
  Page,
  UserSummary,
  WorkshopAuditEntryDto,
  WorkshopDto,
  WorkshopMessagesPage,
  WorkshopSummaryDto,
} from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WorkshopsPublisher } from '../src/realtime/workshops.publisher';
import { WorkshopProvisioning } from '../src/workshops';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe('workshops over REST: list, create, edit, open and end, facilitators, registration, history, transcript, audit', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  let fac: TestUser; // facilitator, in no city
  let fac2: TestUser; // another facilitator
  let facMember: TestUser; // facilitator who is an official of city A (partnership member)
  let admin: TestUser;
  let memberA: TestUser; // official of city A
  let memberB: TestUser; // official of city B
  let outsider: TestUser; // member with no city
  let partnership: { partnershipId: string; title: string };

  const valid = (overrides: Record<string, unknown> = {}) => ({
    title: 'Negotiation skills for newcomer services',
    description: 'We practise **interest-based** negotiation.',
    theme: 'employment',
    language: 'en',
    scope: 'public',
    startsAt: inHours(24),
    endsAt: inHours(26),
    ...overrides,
  });

  async function create(user: TestUser, overrides: Record<string, unknown> = {}): Promise<WorkshopDto> {
    const res = await http().post('/api/workshops').set(user.auth).send(valid(overrides));
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body;
  }

  async function fails(res: request.Response | Promise<request.Response>, status: number, code: string) {
    const r = await res;
    expect([r.status, r.body.code]).toEqual([status, code]);
    return r.body as { code: string; message: string; fields?: Record<string, string[]> };
  }

  /** A workshop written straight into the database (list tests need many, in every state). */
  async function insertWorkshop(o: {
    facilitator: TestUser;
    status?: 'scheduled' | 'live' | 'ended';
    startsAt: string;
    endsAt?: string;
    openedAt?: string | null;
    endedAt?: string | null;
    theme?: string;
    partnershipId?: string | null;
    capacity?: number | null;
    title?: string;
  }): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO workshops (title, theme, language, scope, partnership_id, starts_at, ends_at, status, opened_at, ended_at,
                              capacity, created_by)
       VALUES ($1, $2, 'en', $3, $4, $5, coalesce($6::timestamptz, $5::timestamptz + interval '1 hour'), $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        o.title ?? `Workshop ${Math.random().toString(36).slice(2)}`,
        o.theme ?? 'integration',
        o.partnershipId ? 'partnership' : 'public',
        o.partnershipId ?? null,
        o.startsAt,
        o.endsAt ?? null,
        o.status ?? 'scheduled',
        o.openedAt ?? null,
        o.endedAt ?? null,
        o.capacity ?? null,
        o.facilitator.id,
      ],
    );
    await t.dataSource.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
      row.id,
      o.facilitator.id,
    ]);
    return row.id;
  }

  /** Messages 1..n by `author` straight into the database, with last_seq kept in step. */
  async function insertMessages(workshopId: string, author: TestUser, n: number, body = (i: number) => `Message ${i}`) {
    const bodies = Array.from({ length: n }, (_, i) => body(i + 1));
    const [{ last_seq: start }] = await t.dataSource.query(`SELECT last_seq FROM workshops WHERE id = $1`, [
      workshopId,
    ]);
    await t.dataSource.query(
      `INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html, created_at)
       SELECT $1, $2::int + i, $3, 'c-' || ($2::int + i), b, '<p>' || b || '</p>',
              timestamptz '2027-05-04 09:00:00+00' + make_interval(secs => $2::int + i)
         FROM unnest($4::text[]) WITH ORDINALITY AS x(b, i)`,
      [workshopId, start, author.id, bodies],
    );
    await t.dataSource.query(`UPDATE workshops SET last_seq = $2 WHERE id = $1`, [workshopId, start + n]);
  }

  const notificationsOf = async (user: TestUser, kind: string, workshopId: string) =>
    (await t.dataSource.query(
      `SELECT kind, payload FROM notifications WHERE user_id = $1 AND kind = $2 AND payload -> 'workshop' ->> 'id' = $3`,
      [user.id, kind, workshopId],
    )) as { kind: string; payload: Record<string, unknown> }[];

  const auditOf = async (workshopId: string) =>
    (await t.dataSource.query(
      `SELECT action, actor_id, target_user_id FROM workshop_audit WHERE workshop_id = $1 ORDER BY created_at, id`,
      [workshopId],
    )) as { action: string; actor_id: string; target_user_id: string | null }[];

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    fac = await createUser(t, { displayName: 'Fatima Facilitator', roles: ['facilitator'] });
    fac2 = await createUser(t, { displayName: 'Felix Second', roles: ['facilitator'] });
    facMember = await createUser(t, { displayName: 'Farah Partner', roles: ['facilitator'] });
    admin = await createUser(t, { displayName: 'Ada Admin', roles: ['admin'] });
    memberA = await createUser(t, { displayName: 'Mina Alpha' });
    memberB = await createUser(t, { displayName: 'Milo Beta' });
    outsider = await createUser(t, { displayName: 'Otto Outsider' });
    const cityA = await createCity(t.dataSource);
    const cityB = await createCity(t.dataSource);
    await addMember(t.dataSource, cityA.id, memberA.id, 'official');
    await addMember(t.dataSource, cityA.id, facMember.id, 'official');
    await addMember(t.dataSource, cityB.id, memberB.id, 'official');
    partnership = await createPartnershipForum(t.dataSource, [cityA.id, cityB.id], { title: 'Toronto–Penang' });
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('requires sign-in', async () => {
      await http().get('/api/workshops').expect(401);
      await http().post('/api/workshops').send(valid()).expect(401);
    });

    it('lets only facilitators and admins create workshops', async () => {
      await fails(http().post('/api/workshops').set(memberA.auth).send(valid()), 403, 'FORBIDDEN');
      await fails(http().get('/api/workshops/facilitators').set(memberA.auth), 403, 'FORBIDDEN');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM workshops`))[0].n).toBe(0);
      const byAdmin = await create(admin, { title: 'Run by an admin' });
      expect(byAdmin.facilitators).toEqual([
        expect.objectContaining({ id: admin.id, displayName: 'Ada Admin', role: 'admin' }),
      ]);
    });

    it('creates a scheduled workshop with rendered description, creator first among the facilitators', async () => {
      const w = await create(fac, {
        title: '   Mediation basics  ',
        description: '# Agenda\n\n<script>alert(1)</script> *listen*',
        capacity: 12,
        facilitatorIds: [fac2.id, admin.id],
      });
      expect(w).toMatchObject({
        title: 'Mediation basics',
        status: 'scheduled',
        scope: 'public',
        partnership: null,
        theme: 'employment',
        language: 'en',
        capacity: 12,
        registeredCount: 0,
        messageCount: 0,
        lastSeq: 0,
        locked: false,
        slowModeSeconds: 0,
        openedAt: null,
        endedAt: null,
        createdBy: { id: fac.id, displayName: 'Fatima Facilitator' },
        viewer: { registered: false, facilitator: true, removed: false },
      });
      expect(w.facilitators.map((f) => f.id)).toEqual([fac.id, fac2.id, admin.id]);
      expect(w.description).toContain('<script>');
      expect(w.descriptionHtml).toContain('<h1>Agenda</h1>');
      expect(w.descriptionHtml).toContain('<em>listen</em>');
      expect(w.descriptionHtml).not.toContain('<script');
      // co-facilitators hear of it; the creator does not
      const note = await notificationsOf(fac2, 'workshop.facilitator_added', w.id);
      expect(note).toHaveLength(1);
      expect(note[0].payload).toEqual({
        actor: { id: fac.id, displayName: 'Fatima Facilitator' },
        workshop: { id: w.id, title: 'Mediation basics' },
        startsAt: w.startsAt,
      });
      expect(await notificationsOf(admin, 'workshop.facilitator_added', w.id)).toHaveLength(1);
      expect(await notificationsOf(fac, 'workshop.facilitator_added', w.id)).toHaveLength(0);
      // everyone signed in sees a public workshop
      const seen: WorkshopDto = (await http().get(`/api/workshops/${w.id}`).set(outsider.auth).expect(200)).body;
      expect(seen.viewer).toEqual({ registered: false, facilitator: false, removed: false });
    });

    it('names the field of every validation error', async () => {
      const in30 = inHours(30); // one instant: two calls can fall on different milliseconds
      const cases: [Record<string, unknown>, string][] = [
        [{ title: 'ab' }, 'title'],
        [{ title: '   ab    ' }, 'title'],
        [{ title: 'x'.repeat(161) }, 'title'],
        [{ title: 42 }, 'title'],
        [{ description: 'x'.repeat(8001) }, 'description'],
        [{ description: undefined }, 'description'],
        [{ theme: 'cooking' }, 'theme'],
        [{ language: 'xx' }, 'language'],
        [{ scope: 'secret' }, 'scope'],
        // city workshops come from scheduled training requests only
        [{ scope: 'city' }, 'scope'],
        [{ scope: 'partnership' }, 'partnershipId'],
        [{ scope: 'partnership', partnershipId: 'not-a-uuid' }, 'partnershipId'],
        [{ scope: 'public', partnershipId: '7d6c0a52-52a4-4d0e-9c1c-3f0f6a3d5b10' }, 'partnershipId'],
        [{ startsAt: '2027-03-01T14:00:00' }, 'startsAt'],
        [{ startsAt: '2027-02-30T14:00:00Z' }, 'startsAt'],
        [{ startsAt: 'tomorrow' }, 'startsAt'],
        [{ endsAt: 1234 }, 'endsAt'],
        [{ startsAt: in30, endsAt: inHours(29) }, 'endsAt'],
        [{ startsAt: in30, endsAt: in30 }, 'endsAt'],
        [{ capacity: 0 }, 'capacity'],
        [{ capacity: 10_001 }, 'capacity'],
        [{ capacity: 2.5 }, 'capacity'],
        [{ capacity: '10' }, 'capacity'],
        [{ facilitatorIds: 'abc' }, 'facilitatorIds'],
        [{ facilitatorIds: ['nope'] }, 'facilitatorIds'],
        [{ facilitatorIds: [fac2.id, fac2.id] }, 'facilitatorIds'],
        [{ facilitatorIds: Array.from({ length: 11 }, () => randomUUID()) }, 'facilitatorIds'],
        [{ surprise: true }, 'surprise'],
      ];
      for (const [overrides, field] of cases) {
        const res = await http().post('/api/workshops').set(fac.auth).send(valid(overrides));
        expect([JSON.stringify(overrides).slice(0, 80), res.status, res.body.code]).toEqual([
          JSON.stringify(overrides).slice(0, 80),
          400,
          'VALIDATION_FAILED',
        ]);
        expect(Object.keys(res.body.fields)).toEqual([field]);
      }
      // co-facilitators must exist and hold the facilitator or admin role; the message names the problem
      const unknown = randomUUID();
      const body = await fails(
        http()
          .post('/api/workshops')
          .set(fac.auth)
          .send(valid({ facilitatorIds: [memberA.id, unknown, fac2.id] })),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.fields?.facilitatorIds).toEqual([
        'facilitatorIds: Mina Alpha is not a facilitator or an admin',
        `facilitatorIds: no user has the id ${unknown}`,
      ]);
      // offsets other than Z are fine and stored in UTC
      const w = await create(fac, { startsAt: '2027-03-01T09:00:00-05:00', endsAt: '2027-03-01T10:30:00-05:00' });
      expect([w.startsAt, w.endsAt]).toEqual(['2027-03-01T14:00:00.000Z', '2027-03-01T15:30:00.000Z']);
      const unlimited = await create(fac, { capacity: null, facilitatorIds: [fac.id] });
      expect(unlimited.capacity).toBeNull();
      expect(unlimited.facilitators.map((f) => f.id)).toEqual([fac.id]);
    });

    it('needs the partnership’s private spaces for a partnership workshop (404 otherwise), admins aside', async () => {
      const scoped = { scope: 'partnership', partnershipId: partnership.partnershipId };
      await fails(http().post('/api/workshops').set(fac.auth).send(valid(scoped)), 404, 'NOT_FOUND');
      await fails(
        http()
          .post('/api/workshops')
          .set(admin.auth)
          .send(valid({ ...scoped, partnershipId: randomUUID() })),
        404,
        'NOT_FOUND',
      );
      const byMember = await create(facMember, scoped);
      expect(byMember.partnership).toEqual({ id: partnership.partnershipId, title: 'Toronto–Penang' });
      const byAdmin = await create(admin, scoped);
      expect(byAdmin.scope).toBe('partnership');
    });
  });

  describe('partnership workshops are private', () => {
    let privateId: string;

    beforeAll(async () => {
      const w = await create(facMember, {
        title: 'Members only round table',
        scope: 'partnership',
        partnershipId: partnership.partnershipId,
        startsAt: inHours(50),
        endsAt: inHours(51),
      });
      privateId = w.id;
      await insertMessages(privateId, facMember, 3);
    });

    it('answers 404 to outsiders on the page, list, history, transcript, calendar file, registration and audit', async () => {
      for (const user of [outsider, fac]) {
        await fails(http().get(`/api/workshops/${privateId}`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().get(`/api/workshops/${privateId}/messages`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().get(`/api/workshops/${privateId}/transcript.md`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().get(`/api/workshops/${privateId}/calendar.ics`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().put(`/api/workshops/${privateId}/registration`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().get(`/api/workshops/${privateId}/audit`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().post(`/api/workshops/${privateId}/open`).set(user.auth), 404, 'NOT_FOUND');
        const list: Page<WorkshopSummaryDto> = (
          await http().get('/api/workshops?when=upcoming&limit=100').set(user.auth).expect(200)
        ).body;
        expect(list.items.map((w) => w.id)).not.toContain(privateId);
        const filtered: Page<WorkshopSummaryDto> = (
          await http().get(`/api/workshops?partnershipId=${partnership.partnershipId}`).set(user.auth).expect(200)
        ).body;
        expect(filtered.items).toEqual([]);
      }
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM workshop_attendees`))[0].n).toBe(0);
    });

    it('shows it to the members of both cities and to admins', async () => {
      for (const user of [memberA, memberB, admin]) {
        const w: WorkshopDto = (await http().get(`/api/workshops/${privateId}`).set(user.auth).expect(200)).body;
        expect(w.partnership?.id).toBe(partnership.partnershipId);
        const page: WorkshopMessagesPage = (
          await http().get(`/api/workshops/${privateId}/messages`).set(user.auth).expect(200)
        ).body;
        expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
        await http().get(`/api/workshops/${privateId}/transcript.md`).set(user.auth).expect(200);
        const list: Page<WorkshopSummaryDto> = (
          await http().get(`/api/workshops?partnershipId=${partnership.partnershipId}`).set(user.auth).expect(200)
        ).body;
        expect(list.items.map((i) => i.id)).toContain(privateId);
      }
    });
  });

  describe('city workshops (a scheduled training’s) are private to the city', () => {
    let cityId: string;
    let cityWorkshopId: string;

    beforeAll(async () => {
      [{ city_id: cityId }] = await t.dataSource.query(
        `SELECT city_id FROM city_memberships WHERE user_id = $1 AND status = 'approved'`,
        [memberA.id],
      );
      const provisioning = t.app.get(WorkshopProvisioning);
      cityWorkshopId = await t.dataSource.transaction(async (manager) => {
        const w = await provisioning.create(manager, {
          title: 'City-only training session',
          description: 'For the city’s officials.',
          theme: 'integration',
          language: 'en',
          scope: { cityId },
          startsAt: inHours(70),
          endsAt: inHours(72),
          createdBy: outsider.id,
          // a trainer without the facilitator role facilitates this workshop only
          facilitatorIds: [outsider.id],
          attendeeIds: [memberA.id],
        });
        return w.id;
      });
    });

    it('is seen by the city’s officials, its facilitators and admins; 404 for everyone else', async () => {
      for (const user of [memberA, outsider, admin]) {
        const w: WorkshopDto = (await http().get(`/api/workshops/${cityWorkshopId}`).set(user.auth).expect(200)).body;
        expect(w).toMatchObject({ scope: 'city', city: { id: cityId }, partnership: null });
      }
      const asTrainer: WorkshopDto = (await http().get(`/api/workshops/${cityWorkshopId}`).set(outsider.auth)).body;
      expect(asTrainer.viewer.facilitator).toBe(true);
      const asOfficial: WorkshopDto = (await http().get(`/api/workshops/${cityWorkshopId}`).set(memberA.auth)).body;
      expect(asOfficial.viewer).toMatchObject({ registered: true, facilitator: false });
      for (const user of [memberB, fac, fac2]) {
        await fails(http().get(`/api/workshops/${cityWorkshopId}`).set(user.auth), 404, 'NOT_FOUND');
        await fails(http().put(`/api/workshops/${cityWorkshopId}/registration`).set(user.auth), 404, 'NOT_FOUND');
        const list: Page<WorkshopSummaryDto> = (
          await http().get('/api/workshops?when=upcoming&limit=100').set(user.auth).expect(200)
        ).body;
        expect(list.items.map((w) => w.id)).not.toContain(cityWorkshopId);
      }
      const listed: Page<WorkshopSummaryDto> = (
        await http().get('/api/workshops?when=upcoming&limit=100').set(memberA.auth).expect(200)
      ).body;
      expect(listed.items.map((w) => w.id)).toContain(cityWorkshopId);
      // the per-workshop facilitator runs it; a registered official may not
      await fails(http().post(`/api/workshops/${cityWorkshopId}/open`).set(memberA.auth), 403, 'FORBIDDEN');
      await http().post(`/api/workshops/${cityWorkshopId}/open`).set(outsider.auth).expect(200);
      await http().post(`/api/workshops/${cityWorkshopId}/end`).set(outsider.auth).expect(200);
    });
  });

  describe('the list', () => {
    let when: Record<'upcoming' | 'live' | 'past', string[]>;

    beforeAll(async () => {
      await t.dataSource.query(`DELETE FROM workshops`);
      // upcoming: starts in order u0..u6; u2 and u3 differ by a microsecond only
      const upcoming: string[] = [];
      const starts = [
        '2027-01-01 10:00:00+00',
        '2027-01-02 10:00:00+00',
        '2027-01-03 10:00:00.000001+00',
        '2027-01-03 10:00:00.000002+00',
        '2027-01-04 10:00:00+00',
        '2027-01-05 10:00:00+00',
        '2027-01-06 10:00:00+00',
      ];
      // inserted in reverse so the order comes from the sort, not from insertion
      for (const [i, startsAt] of [...starts.entries()].reverse()) {
        upcoming[i] = await insertWorkshop({ facilitator: fac, startsAt, title: `Upcoming ${i}` });
      }
      const live = [
        await insertWorkshop({
          facilitator: fac,
          status: 'live',
          startsAt: '2026-01-01 10:00:00+00',
          openedAt: '2026-06-01 10:00:00+00',
        }),
        await insertWorkshop({
          facilitator: fac2,
          status: 'live',
          startsAt: '2026-01-02 10:00:00+00',
          openedAt: '2026-06-03 10:00:00+00',
          theme: 'health',
        }),
      ];
      const past = [
        await insertWorkshop({
          facilitator: fac,
          status: 'ended',
          startsAt: '2025-01-01 10:00:00+00',
          openedAt: '2025-01-01 10:00:00+00',
          endedAt: '2025-01-01 11:00:00+00',
        }),
        await insertWorkshop({
          facilitator: fac,
          status: 'ended',
          startsAt: '2025-01-01 10:00:00+00',
          openedAt: '2025-01-01 10:00:00+00',
          endedAt: '2025-03-01 11:00:00+00',
        }),
      ];
      when = { upcoming, live: [live[1], live[0]], past: [past[1], past[0]] };
    });

    const list = async (user: TestUser, query: string): Promise<Page<WorkshopSummaryDto>> =>
      (await http().get(`/api/workshops${query}`).set(user.auth).expect(200)).body;

    it('splits workshops into upcoming (soonest first), live (latest opened first) and past (latest ended first)', async () => {
      expect((await list(outsider, '?when=upcoming&limit=100')).items.map((w) => w.id)).toEqual(when.upcoming);
      expect((await list(outsider, '?limit=100')).items.map((w) => w.id)).toEqual(when.upcoming);
      expect((await list(outsider, '?when=live')).items.map((w) => w.id)).toEqual(when.live);
      expect((await list(outsider, '?when=past')).items.map((w) => w.id)).toEqual(when.past);
      expect((await list(outsider, '?when=live&theme=health')).items.map((w) => w.id)).toEqual([when.live[0]]);
      await fails(http().get('/api/workshops?when=soon').set(outsider.auth), 400, 'VALIDATION_FAILED');
      await fails(http().get('/api/workshops?mine=perhaps').set(outsider.auth), 400, 'VALIDATION_FAILED');
    });

    it('pages with keyset cursors, keeping microseconds apart', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<WorkshopSummaryDto> = await list(
          outsider,
          `?when=upcoming&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((w) => w.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(when.upcoming);
      // the boundary between the two workshops a microsecond apart
      const first = await list(outsider, '?when=upcoming&limit=3');
      expect(first.items[2].id).toBe(when.upcoming[2]);
      const next = await list(outsider, `?when=upcoming&limit=1&cursor=${first.nextCursor}`);
      expect(next.items[0].id).toBe(when.upcoming[3]);
      const live = await list(outsider, '?when=live&limit=1');
      expect((await list(outsider, `?when=live&limit=1&cursor=${live.nextCursor}`)).items[0].id).toBe(when.live[1]);
      await fails(http().get('/api/workshops?cursor=garbage').set(outsider.auth), 400, 'VALIDATION_FAILED');
    });

    it('filters to the viewer’s own workshops with mine=true, with their flags', async () => {
      await http().put(`/api/workshops/${when.upcoming[4]}/registration`).set(memberA.auth).expect(200);
      const mine = await list(memberA, '?when=upcoming&mine=true');
      expect(mine.items.map((w) => w.id)).toEqual([when.upcoming[4]]);
      expect(mine.items[0].viewer).toEqual({ registered: true, facilitator: false, removed: false });
      expect(mine.items[0].registeredCount).toBe(1);
      const fac2Live = await list(fac2, '?when=live&mine=true');
      expect(fac2Live.items.map((w) => w.id)).toEqual([when.live[0]]);
      expect(fac2Live.items[0].viewer.facilitator).toBe(true);
      expect(fac2Live.items[0].facilitators).toEqual([
        expect.objectContaining({ id: fac2.id, displayName: 'Felix Second', role: 'facilitator' }),
      ]);
      // admins facilitate every workshop, but "mine" are only those they run or joined
      expect((await list(admin, '?when=live')).items.every((w) => w.viewer.facilitator)).toBe(true);
      expect((await list(admin, '?when=live&mine=true')).items).toEqual([]);
    });

    it('answers a page in the same number of queries for 3 or 12 workshops', async () => {
      const measure = async () => {
        const res = await t.queries.measure(() =>
          http().get('/api/workshops?when=past&limit=50').set(memberA.auth).expect(200),
        );
        return { queries: res.queries, items: (res.result.body as Page<WorkshopSummaryDto>).items };
      };
      await t.dataSource.query(`DELETE FROM workshops WHERE status = 'ended'`);
      const add = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const id = await insertWorkshop({
            facilitator: fac,
            status: 'ended',
            startsAt: '2025-05-01 10:00:00+00',
            openedAt: '2025-05-01 10:00:00+00',
            endedAt: `2025-05-0${1 + (i % 8)} 11:00:00+00`,
          });
          // more facilitators, attendees and messages must not cost more queries
          await t.dataSource.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
            id,
            fac2.id,
          ]);
          await t.dataSource.query(
            `INSERT INTO workshop_attendees (workshop_id, user_id, registered) VALUES ($1, $2, true)`,
            [id, memberA.id],
          );
          await insertMessages(id, fac, 2);
        }
      };
      await add(3);
      const small = await measure();
      await add(9);
      const large = await measure();
      expect(small.items).toHaveLength(3);
      expect(large.items).toHaveLength(12);
      expect(large.queries).toBe(small.queries);
      expect(small.queries).toBeLessThanOrEqual(2);
      expect(large.items[0]).toMatchObject({
        messageCount: 2,
        viewer: { registered: true, facilitator: false, removed: false },
        facilitators: [
          { id: fac.id, displayName: 'Fatima Facilitator' },
          { id: fac2.id, displayName: 'Felix Second' },
        ],
      });
    });
  });

  describe('editing', () => {
    it('lets facilitators edit a scheduled or live workshop within its rules', async () => {
      const w = await create(fac, { capacity: 3 });
      await fails(
        http().patch(`/api/workshops/${w.id}`).set(memberA.auth).send({ title: 'Mine now' }),
        403,
        'FORBIDDEN',
      );
      const edited: WorkshopDto = (
        await http()
          .patch(`/api/workshops/${w.id}`)
          .set(fac.auth)
          .send({ title: '  Better title ', description: '*new*', theme: 'health', language: 'fr' })
          .expect(200)
      ).body;
      expect(edited).toMatchObject({ title: 'Better title', description: '*new*', theme: 'health', language: 'fr' });
      expect(edited.descriptionHtml).toBe('<p><em>new</em></p>');
      // the schedule stays ordered, against the stored times when only one side changes
      const late = new Date(Date.parse(w.endsAt) + HOUR).toISOString();
      const early = new Date(Date.parse(w.startsAt) - HOUR).toISOString();
      let body = await fails(
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ startsAt: late }),
        400,
        'VALIDATION_FAILED',
      );
      expect(Object.keys(body.fields ?? {})).toEqual(['startsAt']);
      body = await fails(
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ endsAt: early }),
        400,
        'VALIDATION_FAILED',
      );
      expect(Object.keys(body.fields ?? {})).toEqual(['endsAt']);
      // present fields cannot be nulled (only capacity, meaning "no limit")
      for (const field of ['title', 'description', 'theme', 'language', 'startsAt', 'endsAt']) {
        body = await fails(
          http()
            .patch(`/api/workshops/${w.id}`)
            .set(fac.auth)
            .send({ [field]: null }),
          400,
          'VALIDATION_FAILED',
        );
        expect(Object.keys(body.fields ?? {})).toEqual([field]);
      }
      body = await fails(
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ scope: 'partnership' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(Object.keys(body.fields ?? {})).toEqual(['scope']);
      // capacity cannot fall below the places taken
      await http().put(`/api/workshops/${w.id}/registration`).set(memberA.auth).expect(200);
      await http().put(`/api/workshops/${w.id}/registration`).set(memberB.auth).expect(200);
      body = await fails(
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ capacity: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.fields?.capacity?.[0]).toContain('2 participants');
      expect(
        (await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ capacity: 2 }).expect(200)).body.capacity,
      ).toBe(2);
      expect(
        (await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ capacity: null }).expect(200)).body.capacity,
      ).toBeNull();
      // live: still editable; ended: not any more
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ title: 'Live title' }).expect(200);
      await http().post(`/api/workshops/${w.id}/end`).set(fac.auth).expect(200);
      await fails(
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ title: 'After the end' }),
        409,
        'INVALID_STATE',
      );
      expect((await http().get(`/api/workshops/${w.id}`).set(fac.auth).expect(200)).body.title).toBe('Live title');
    });
  });

  describe('opening and ending', () => {
    it('moves scheduled → live → ended, audits both and refuses any other transition', async () => {
      const w = await create(fac, { facilitatorIds: [fac2.id] });
      await fails(http().post(`/api/workshops/${w.id}/end`).set(fac.auth), 409, 'INVALID_STATE');
      await fails(http().post(`/api/workshops/${w.id}/open`).set(memberA.auth), 403, 'FORBIDDEN');
      const publisher = t.app.get(WorkshopsPublisher);
      const toRoom = jest.spyOn(publisher, 'toRoom');
      try {
        const live: WorkshopDto = (await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200)).body;
        expect(live.status).toBe('live');
        expect(live.openedAt).not.toBeNull();
        expect(toRoom).toHaveBeenCalledWith(w.id, 'workshop.status', {
          workshopId: w.id,
          status: 'live',
          at: live.openedAt,
        });
        await fails(http().post(`/api/workshops/${w.id}/open`).set(fac.auth), 409, 'INVALID_STATE');
        // co-facilitators and admins run it too
        const ended: WorkshopDto = (await http().post(`/api/workshops/${w.id}/end`).set(fac2.auth).expect(200)).body;
        expect(ended.status).toBe('ended');
        expect(Date.parse(ended.endedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(live.openedAt ?? ''));
        expect(toRoom).toHaveBeenLastCalledWith(w.id, 'workshop.status', {
          workshopId: w.id,
          status: 'ended',
          at: ended.endedAt,
        });
        expect(toRoom).toHaveBeenCalledTimes(2);
      } finally {
        toRoom.mockRestore();
      }
      await fails(http().post(`/api/workshops/${w.id}/end`).set(fac.auth), 409, 'INVALID_STATE');
      await fails(http().post(`/api/workshops/${w.id}/open`).set(fac.auth), 409, 'INVALID_STATE');
      expect(await auditOf(w.id)).toEqual([
        { action: 'workshop.opened', actor_id: fac.id, target_user_id: null },
        { action: 'workshop.ended', actor_id: fac2.id, target_user_id: null },
      ]);
      const byAdmin = await create(fac);
      await http().post(`/api/workshops/${byAdmin.id}/open`).set(admin.auth).expect(200);
    });

    it('tells registered participants and the other facilitators that it is live, no one else', async () => {
      const w = await create(fac, { facilitatorIds: [fac2.id] });
      const removed = await createUser(t);
      await http().put(`/api/workshops/${w.id}/registration`).set(memberA.auth).expect(200);
      await http().put(`/api/workshops/${w.id}/registration`).set(removed.auth).expect(200);
      await http().put(`/api/workshops/${w.id}/registration`).set(memberB.auth).expect(200);
      await http().delete(`/api/workshops/${w.id}/registration`).set(memberB.auth).expect(200);
      await t.dataSource.query(
        `UPDATE workshop_attendees SET removed_at = now(), registered = false WHERE workshop_id = $1 AND user_id = $2`,
        [w.id, removed.id],
      );
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications`))[0].n;
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      for (const user of [memberA, fac2]) {
        const notes = await notificationsOf(user, 'workshop.live', w.id);
        expect(notes).toHaveLength(1);
        expect(notes[0].payload).toEqual({
          actor: { id: fac.id, displayName: 'Fatima Facilitator' },
          workshop: { id: w.id, title: w.title },
        });
      }
      for (const user of [fac, memberB, removed, outsider]) {
        expect(await notificationsOf(user, 'workshop.live', w.id)).toHaveLength(0);
      }
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications`))[0].n).toBe(before + 2);
    });
  });

  describe('registration', () => {
    it('gives exactly `capacity` places to 20 concurrent registrations', async () => {
      const w = await create(fac, { capacity: 5 });
      const people = await Promise.all(Array.from({ length: 20 }, () => createUser(t)));
      const answers = await Promise.all(
        people.map((p) => http().put(`/api/workshops/${w.id}/registration`).set(p.auth)),
      );
      const ok = answers.filter((r) => r.status === 200);
      const full = answers.filter((r) => r.status === 409 && r.body.code === 'WORKSHOP_FULL');
      expect([ok.length, full.length]).toEqual([5, 15]);
      expect(ok.every((r) => r.body.viewer.registered === true)).toBe(true);
      const [row] = await t.dataSource.query(
        `SELECT registered_count, (SELECT count(*)::int FROM workshop_attendees WHERE workshop_id = $1 AND registered) AS n
           FROM workshops WHERE id = $1`,
        [w.id],
      );
      expect(row).toEqual({ registered_count: 5, n: 5 });

      // registering again changes nothing; unregistering frees a place for someone else
      const inside = people[answers.indexOf(ok[0])];
      expect(
        (await http().put(`/api/workshops/${w.id}/registration`).set(inside.auth).expect(200)).body.registeredCount,
      ).toBe(5);
      const left: WorkshopDto = (
        await http().delete(`/api/workshops/${w.id}/registration`).set(inside.auth).expect(200)
      ).body;
      expect(left).toMatchObject({ registeredCount: 4, viewer: { registered: false } });
      expect(
        (await http().delete(`/api/workshops/${w.id}/registration`).set(inside.auth).expect(200)).body.registeredCount,
      ).toBe(4);
      const waiting = people[answers.indexOf(full[0])];
      const joined: WorkshopDto = (
        await http().put(`/api/workshops/${w.id}/registration`).set(waiting.auth).expect(200)
      ).body;
      expect(joined).toMatchObject({ registeredCount: 5, viewer: { registered: true } });
      await fails(http().put(`/api/workshops/${w.id}/registration`).set(inside.auth), 409, 'WORKSHOP_FULL');
    });

    it('refuses removed participants (REMOVED) and ended workshops (INVALID_STATE); facilitators need no place', async () => {
      const w = await create(fac, { capacity: 1 });
      const removed = await createUser(t);
      await t.dataSource.query(
        `INSERT INTO workshop_attendees (workshop_id, user_id, registered, removed_at, removed_by) VALUES ($1, $2, false, now(), $3)`,
        [w.id, removed.id, fac.id],
      );
      await fails(http().put(`/api/workshops/${w.id}/registration`).set(removed.auth), 403, 'REMOVED');
      const seen: WorkshopDto = (await http().get(`/api/workshops/${w.id}`).set(removed.auth).expect(200)).body;
      expect(seen.viewer).toEqual({ registered: false, facilitator: false, removed: true });
      const asFacilitator: WorkshopDto = (
        await http().put(`/api/workshops/${w.id}/registration`).set(fac.auth).expect(200)
      ).body;
      expect(asFacilitator.registeredCount).toBe(0);
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      await http().post(`/api/workshops/${w.id}/end`).set(fac.auth).expect(200);
      await fails(http().put(`/api/workshops/${w.id}/registration`).set(memberA.auth), 409, 'INVALID_STATE');
      expect(
        (await t.dataSource.query(`SELECT registered_count FROM workshops WHERE id = $1`, [w.id]))[0].registered_count,
      ).toBe(0);
    });
  });

  describe('facilitators', () => {
    it('searches facilitators and admins by name or handle, for facilitators only', async () => {
      const odd = await createUser(t, { displayName: 'Percy 100% Facilitator', roles: ['facilitator'] });
      const found: UserSummary[] = (await http().get('/api/workshops/facilitators?q=fel').set(fac.auth).expect(200))
        .body;
      expect(found).toEqual([{ id: fac2.id, displayName: 'Felix Second' }]);
      const [{ handle }] = await t.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [admin.id]);
      const byHandle: UserSummary[] = (
        await http().get(`/api/workshops/facilitators?q=@${handle}`).set(fac.auth).expect(200)
      ).body;
      expect(byHandle.map((u) => u.id)).toEqual([admin.id]);
      // members never appear; wildcards match literally
      expect((await http().get('/api/workshops/facilitators?q=Mina').set(admin.auth).expect(200)).body).toEqual([]);
      const percent: UserSummary[] = (await http().get('/api/workshops/facilitators?q=%25').set(fac.auth).expect(200))
        .body;
      expect(percent.map((u) => u.id)).toEqual([odd.id]);
      const all: UserSummary[] = (await http().get('/api/workshops/facilitators').set(fac.auth).expect(200)).body;
      expect(all.map((u) => u.id).sort()).toEqual([fac.id, fac2.id, facMember.id, admin.id, odd.id].sort());
      await fails(http().get('/api/workshops/facilitators?q=a').set(outsider.auth), 403, 'FORBIDDEN');
    });

    it('adds and removes co-facilitators, with notification and audit; the last one stays', async () => {
      const w = await create(fac);
      await fails(
        http().post(`/api/workshops/${w.id}/facilitators`).set(memberA.auth).send({ userId: fac2.id }),
        403,
        'FORBIDDEN',
      );
      let body = await fails(
        http().post(`/api/workshops/${w.id}/facilitators`).set(fac.auth).send({ userId: memberA.id }),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.fields?.userId).toEqual(['userId: Mina Alpha is not a facilitator or an admin']);
      body = await fails(
        http().post(`/api/workshops/${w.id}/facilitators`).set(fac.auth).send({ userId: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(Object.keys(body.fields ?? {})).toEqual(['userId']);

      // a registered participant who becomes a facilitator gives their place back
      await http().put(`/api/workshops/${w.id}/registration`).set(fac2.auth).expect(200);
      expect((await http().get(`/api/workshops/${w.id}`).set(fac.auth).expect(200)).body.registeredCount).toBe(1);
      const added: WorkshopDto = (
        await http().post(`/api/workshops/${w.id}/facilitators`).set(fac.auth).send({ userId: fac2.id }).expect(200)
      ).body;
      expect(added.facilitators.map((f) => f.id)).toEqual([fac.id, fac2.id]);
      expect(added.registeredCount).toBe(0);
      expect(await notificationsOf(fac2, 'workshop.facilitator_added', w.id)).toHaveLength(1);
      // adding again changes nothing
      await http().post(`/api/workshops/${w.id}/facilitators`).set(fac.auth).send({ userId: fac2.id }).expect(200);
      expect(await notificationsOf(fac2, 'workshop.facilitator_added', w.id)).toHaveLength(1);
      // the new facilitator runs the workshop now
      await http().patch(`/api/workshops/${w.id}`).set(fac2.auth).send({ title: 'Co-run' }).expect(200);

      await fails(http().delete(`/api/workshops/${w.id}/facilitators/${memberA.id}`).set(fac.auth), 404, 'NOT_FOUND');
      const removed: WorkshopDto = (
        await http().delete(`/api/workshops/${w.id}/facilitators/${fac.id}`).set(fac2.auth).expect(200)
      ).body;
      expect(removed.facilitators.map((f) => f.id)).toEqual([fac2.id]);
      await fails(http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ title: 'Not mine' }), 403, 'FORBIDDEN');
      await fails(http().delete(`/api/workshops/${w.id}/facilitators/${fac2.id}`).set(fac2.auth), 409, 'INVALID_STATE');
      await fails(
        http().delete(`/api/workshops/${w.id}/facilitators/${fac2.id}`).set(admin.auth),
        409,
        'INVALID_STATE',
      );
      expect(await auditOf(w.id)).toEqual([
        { action: 'facilitator.added', actor_id: fac.id, target_user_id: fac2.id },
        { action: 'facilitator.removed', actor_id: fac2.id, target_user_id: fac.id },
      ]);
    });

    it('caps a workshop at eleven facilitators', async () => {
      const extra = await Promise.all(Array.from({ length: 11 }, () => createUser(t, { roles: ['facilitator'] })));
      const w = await create(fac, { facilitatorIds: extra.slice(0, 10).map((u) => u.id) });
      expect(w.facilitators).toHaveLength(11);
      const body = await fails(
        http().post(`/api/workshops/${w.id}/facilitators`).set(fac.auth).send({ userId: extra[10].id }),
        400,
        'VALIDATION_FAILED',
      );
      expect(Object.keys(body.fields ?? {})).toEqual(['userId']);
    });
  });

  describe('message history', () => {
    it('pages backwards and forwards by sequence number, with tombstones', async () => {
      const w = await create(fac);
      await insertMessages(w.id, fac, 30);
      await t.dataSource.query(
        `UPDATE workshop_messages SET deleted_at = now(), deleted_by = $2 WHERE workshop_id = $1 AND seq = 15`,
        [w.id, fac.id],
      );
      await t.dataSource.query(`UPDATE workshop_messages SET pinned_at = now() WHERE workshop_id = $1 AND seq = 3`, [
        w.id,
      ]);
      const page = async (query: string): Promise<WorkshopMessagesPage> =>
        (await http().get(`/api/workshops/${w.id}/messages${query}`).set(outsider.auth).expect(200)).body;
      const seqs = (p: WorkshopMessagesPage) => [p.messages.map((m) => m.seq), p.hasMore];
      const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

      expect(seqs(await page('?limit=10'))).toEqual([range(21, 30), true]);
      expect(seqs(await page('?beforeSeq=21&limit=10'))).toEqual([range(11, 20), true]);
      expect(seqs(await page('?beforeSeq=11&limit=10'))).toEqual([range(1, 10), false]);
      expect(seqs(await page('?afterSeq=0&limit=10'))).toEqual([range(1, 10), true]);
      expect(seqs(await page('?afterSeq=20&limit=10'))).toEqual([range(21, 30), false]);
      expect(seqs(await page('?afterSeq=25'))).toEqual([range(26, 30), false]);
      expect(seqs(await page('?afterSeq=5&beforeSeq=9'))).toEqual([range(6, 8), false]);
      expect((await page('')).messages).toHaveLength(30);

      const full = await page('?afterSeq=0&limit=200');
      expect(full.messages[14]).toMatchObject({ seq: 15, body: '', bodyHtml: '', pinned: false });
      expect(full.messages[14].deletedAt).not.toBeNull();
      expect(full.messages[2]).toMatchObject({ seq: 3, body: 'Message 3', pinned: true, clientId: 'c-3' });
      expect(full.messages[0].author).toMatchObject({ id: fac.id, displayName: 'Fatima Facilitator' });

      for (const q of ['?limit=201', '?limit=0', '?beforeSeq=0', '?afterSeq=-1', '?afterSeq=x', '?since=3']) {
        await fails(http().get(`/api/workshops/${w.id}/messages${q}`).set(outsider.auth), 400, 'VALIDATION_FAILED');
      }
    });

    it('stays readable after the end, but not to removed participants', async () => {
      const w = await create(fac);
      await insertMessages(w.id, fac, 2);
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      await http().post(`/api/workshops/${w.id}/end`).set(fac.auth).expect(200);
      const after: WorkshopMessagesPage = (
        await http().get(`/api/workshops/${w.id}/messages`).set(memberB.auth).expect(200)
      ).body;
      expect(after.messages).toHaveLength(2);
      await t.dataSource.query(
        `INSERT INTO workshop_attendees (workshop_id, user_id, registered, removed_at) VALUES ($1, $2, false, now())`,
        [w.id, memberB.id],
      );
      await fails(http().get(`/api/workshops/${w.id}/messages`).set(memberB.auth), 403, 'REMOVED');
      await fails(http().get(`/api/workshops/${w.id}/transcript.md`).set(memberB.auth), 403, 'REMOVED');
    });
  });

  describe('transcript', () => {
    it('exports the header, every message quoted, tombstones, pins and the Q&A as Markdown', async () => {
      const evil = await createUser(t, { displayName: '**Evil** [x](javascript:alert(1))' });
      const w = await create(fac, {
        title: 'Médiation & négociation: "cas" pratiques',
        theme: 'intercultural_dialogue',
        language: 'fr',
        startsAt: '2027-05-04T09:00:00Z',
        endsAt: '2027-05-04T10:30:00Z',
        facilitatorIds: [fac2.id],
      });
      const bodies = [
        'Bonjour à tous !\n\nPremière ligne\nDeuxième ligne',
        '# Injected heading\n## Questions and answers\n---',
        '<script>alert("x")</script> <img src=x onerror=alert(1)>',
        'to be removed',
        '```\nunclosed fence',
        'pinned agenda',
      ];
      await insertMessages(w.id, fac, 1, () => bodies[0]);
      await insertMessages(w.id, evil, 2, (i) => bodies[i]);
      await insertMessages(w.id, memberA, 3, (i) => bodies[i + 2]);
      await t.dataSource.query(`UPDATE workshop_messages SET deleted_at = now() WHERE workshop_id = $1 AND seq = 4`, [
        w.id,
      ]);
      await t.dataSource.query(`UPDATE workshop_messages SET pinned_at = now() WHERE workshop_id = $1 AND seq = 6`, [
        w.id,
      ]);
      await t.dataSource.query(
        `INSERT INTO workshop_questions (workshop_id, author_id, body, body_html, votes, status, created_at)
         VALUES ($1, $2, 'How do we *start*?', '', 3, 'answered', '2027-05-04 09:20:00+00'),
                ($1, $3, '# Not a heading either', '', 1, 'open', '2027-05-04 09:30:00+00')`,
        [w.id, memberA.id, evil.id],
      );

      const res = await http().get(`/api/workshops/${w.id}/transcript.md`).set(outsider.auth).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="mediation-negociation-cas-pratiques-transcript.md"',
      );
      const text: string = res.text;
      const lines = text.split('\n');
      // the structure is the server's: exactly these headings, in this order
      expect(lines.filter((l) => /^#{1,6} /.test(l))).toEqual([
        '# Médiation & négociation: "cas" pratiques',
        '## Messages',
        '### 2027-05-04',
        '## Questions and answers',
      ]);
      const [{ handle: facHandle }] = await t.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [fac.id]);
      const [{ handle: fac2Handle }] = await t.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [fac2.id]);
      expect(text).toContain('- Theme: intercultural\\_dialogue');
      expect(text).toContain('- Language: fr');
      expect(text).toContain('- Scheduled: 2027-05-04 09:00 UTC – 2027-05-04 10:30 UTC');
      expect(text).toContain('- Opened: not opened');
      expect(text).toContain(
        `- Facilitators: Fatima Facilitator (@${facHandle.replace(/_/g, '\\_')}), Felix Second (@${fac2Handle.replace(/_/g, '\\_')})`,
      );
      // speaker lines, in sequence order, with the UTC time; names cannot inject markup
      const speakers = lines.filter((l) => l.startsWith('**') && l.includes(' · '));
      expect(speakers).toHaveLength(8);
      expect(speakers[0]).toBe(`**Fatima Facilitator** (@${facHandle.replace(/_/g, '\\_')}) · 09:00:01 UTC`);
      expect(speakers[1]).toMatch(
        /^\*\*\\\*\\\*Evil\\\*\\\* \\\[x\\\]\(javascript:alert\(1\)\)\*\* \(@[^)]+\) · 09:00:02 UTC$/,
      );
      expect(speakers[5]).toContain('· 📌 pinned');
      expect(speakers.filter((l) => l.includes('📌'))).toHaveLength(1);
      // bodies are blockquotes, line by line
      expect(text).toContain('> Bonjour à tous !\n>\n> Première ligne\n> Deuxième ligne');
      expect(text).toContain('> # Injected heading\n> ## Questions and answers\n> ---');
      expect(lines).not.toContain('# Injected heading');
      // HTML is text of a Markdown file, inside a quote; the file is served as Markdown, never as HTML
      expect(lines).toContain('> <script>alert("x")</script> <img src=x onerror=alert(1)>');
      expect(lines.filter((l) => l.includes('<script>')).every((l) => l.startsWith('> '))).toBe(true);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // a fence opened in a message stays inside its quote
      expect(text).toContain('> ```\n> unclosed fence\n\n');
      // a deleted message keeps its place, not its text
      expect(text).toContain('> *message removed by a facilitator*');
      expect(text).not.toContain('to be removed');
      // Q&A after the messages, with votes and status
      const qa = text.slice(text.indexOf('## Questions and answers'));
      expect(qa).toContain('· 2027-05-04 09:20:00 UTC · 3 votes · answered');
      expect(qa).toContain('> How do we *start*?');
      expect(qa).toContain('· 2027-05-04 09:30:00 UTC · 1 vote · open\n\n> # Not a heading either');
      expect(text.indexOf('## Messages')).toBeLessThan(text.indexOf('## Questions and answers'));
    });

    it('streams rooms larger than one batch in order', async () => {
      const w = await create(fac, { title: 'Big room' });
      await insertMessages(w.id, memberA, 2_345, (i) => `line ${i}`);
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      await http().post(`/api/workshops/${w.id}/end`).set(fac.auth).expect(200);
      const res = await http().get(`/api/workshops/${w.id}/transcript.md`).set(memberB.auth).expect(200);
      const quoted = res.text.split('\n').filter((l) => l.startsWith('> line '));
      expect(quoted).toHaveLength(2_345);
      expect(quoted.map((l) => Number(l.slice(7)))).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
      expect(res.text).toMatch(/- Ended: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
      expect(res.text).toContain('*No questions.*');
      expect(res.headers['content-disposition']).toBe('attachment; filename="big-room-transcript.md"');
    });
  });

  describe('audit log', () => {
    it('is for facilitators: 403 for participants, 404 for outsiders; newest first, paged', async () => {
      const w = await create(fac, { facilitatorIds: [fac2.id] });
      await http().put(`/api/workshops/${w.id}/registration`).set(memberA.auth).expect(200);
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      await insertMessages(w.id, memberA, 1);
      const [{ id: messageId }] = await t.dataSource.query(`SELECT id FROM workshop_messages WHERE workshop_id = $1`, [
        w.id,
      ]);
      await t.dataSource.query(
        `INSERT INTO workshop_audit (workshop_id, actor_id, action, target_user_id, target_message_id, detail)
         VALUES ($1, $2, 'message.deleted', $3, $4, '{"reason":"off topic"}')`,
        [w.id, fac2.id, memberA.id, messageId],
      );
      await http().post(`/api/workshops/${w.id}/end`).set(fac2.auth).expect(200);

      await fails(http().get(`/api/workshops/${w.id}/audit`).set(memberA.auth), 403, 'FORBIDDEN');
      const first: Page<WorkshopAuditEntryDto> = (
        await http().get(`/api/workshops/${w.id}/audit?limit=2`).set(fac.auth).expect(200)
      ).body;
      expect(first.items.map((e) => e.action)).toEqual(['workshop.ended', 'message.deleted']);
      expect(first.items[1]).toMatchObject({
        actor: { id: fac2.id, displayName: 'Felix Second' },
        targetUser: { id: memberA.id, displayName: 'Mina Alpha' },
        targetMessageSeq: 1,
        detail: { reason: 'off topic' },
      });
      const second: Page<WorkshopAuditEntryDto> = (
        await http().get(`/api/workshops/${w.id}/audit?limit=2&cursor=${first.nextCursor}`).set(admin.auth).expect(200)
      ).body;
      expect(second.items.map((e) => e.action)).toEqual(['workshop.opened']);
      expect(second.items[0]).toMatchObject({
        actor: { id: fac.id },
        targetUser: null,
        targetMessageSeq: null,
        detail: {},
      });
      expect(second.nextCursor).toBeNull();
    });
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await fails(http().get(`/api/workshops/${randomUUID()}`).set(fac.auth), 404, 'NOT_FOUND');
    await fails(http().get('/api/workshops/not-a-uuid').set(fac.auth), 404, 'NOT_FOUND');
    await fails(http().post(`/api/workshops/${randomUUID()}/open`).set(fac.auth), 404, 'NOT_FOUND');
    await fails(http().delete(`/api/workshops/${randomUUID()}/facilitators/nope`).set(fac.auth), 404, 'NOT_FOUND');
  });
});
