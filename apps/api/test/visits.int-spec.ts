import {
  Namespaces,
  type MyRegistrationDto,
  type NotificationsClientEvents,
  type NotificationsServerEvents,
  type RosterEntryDto,
  type VisitChange,
  type VisitDto,
  type VisitSummaryDto,
} from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import { parseExport } from './support/csv';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import type { TestUser } from './support/factories';
import {
  createDelegates,
  createVisit,
  createVisitWorld,
  http,
  move,
  notificationsOf,
  type VisitWorld,
} from './support/visits';

/** Wall time of an instant in a zone, "YYYY-MM-DD HH:mm", computed independently of the API. */
function wallTime(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

describe('study visits', () => {
  let t: TestApp;
  let w: VisitWorld;
  const api = () => http(t);

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
  });
  afterAll(() => t.close());

  const get = (user: TestUser, id: string) => api().get(`/api/visits/${id}`).set(user.auth);
  const register = (user: TestUser, id: string, body: object = {}) =>
    api().put(`/api/visits/${id}/registration`).set(user.auth).send(body);
  const placesTaken = async (id: string) =>
    (await t.dataSource.query(`SELECT places_taken FROM visits WHERE id = $1`, [id]))[0].places_taken as number;

  describe('planning', () => {
    it('refuses bad visits with VALIDATION_FAILED naming each field', async () => {
      const base = {
        partnershipId: w.partnershipId,
        hostCityId: w.toronto.id,
        title: 'A visit',
        themes: ['employment'],
        capacity: 10,
      };
      const post = (body: object) => api().post('/api/visits').set(w.coordinator.auth).send(body);
      const fieldsOf = async (body: object) => {
        const res = await post(body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        return Object.keys(res.body.fields).sort();
      };
      const range = (startDate: string, endDate: string) => ({ startDate, endDate });

      expect(await fieldsOf(base)).toEqual(['dateOptions', 'dates']);
      expect(
        await fieldsOf({
          ...base,
          dates: range('2027-03-14', '2027-03-15'),
          dateOptions: [range('2027-04-01', '2027-04-02'), range('2027-05-01', '2027-05-02')],
        }),
      ).toEqual(['dateOptions', 'dates']);
      expect(await fieldsOf({ ...base, dateOptions: [range('2027-04-01', '2027-04-02')] })).toEqual(['dateOptions']);
      expect(
        await fieldsOf({
          ...base,
          dateOptions: Array.from({ length: 11 }, (_, i) =>
            range(`2027-04-${String(i + 1).padStart(2, '0')}`, '2027-04-20'),
          ),
        }),
      ).toEqual(['dateOptions']);
      expect(await fieldsOf({ ...base, dates: range('2027-03-01', '2027-04-01') })).toEqual(['dates.endDate']);
      expect(await fieldsOf({ ...base, dates: range('2027-03-10', '2027-03-09') })).toEqual(['dates.endDate']);
      expect(await fieldsOf({ ...base, dates: range('2027-02-30', '2027-03-02') })).toEqual(['dates.startDate']);
      expect(
        await fieldsOf({
          ...base,
          dateOptions: [range('2027-04-01', '2027-04-02'), range('2027-04-01', '2027-04-02')],
        }),
      ).toEqual(['dateOptions.1']);
      expect(
        await fieldsOf({
          ...base,
          dates: range('2027-03-01', '2027-03-02'),
          capacity: 0,
          themes: [],
          title: 'x',
          extra: 1,
        }),
      ).toEqual(['capacity', 'extra', 'themes', 'title']);
      expect(await fieldsOf({ ...base, dates: range('2027-03-01', '2027-03-02'), capacity: 501 })).toEqual([
        'capacity',
      ]);
      // 31 days is the longest visit
      await post({ ...base, dates: range('2027-03-01', '2027-03-31') }).expect(201);
      // the host must be a member city of the partnership
      expect(await fieldsOf({ ...base, hostCityId: w.lisbon.id, dates: range('2027-03-01', '2027-03-02') })).toEqual([
        'hostCityId',
      ]);
    });

    it('creates a draft that keeps the host city’s time zone, with the day span as instants', async () => {
      const visit = await createVisit(t, w, { registrationDeadline: '2027-03-01T12:00:00Z' });
      expect(visit).toMatchObject({
        status: 'draft',
        title: 'Newcomer employment services',
        hostCity: { id: w.toronto.id, name: 'Toronto' },
        partnership: { id: w.partnershipId, title: 'Toronto – George Town' },
        timeZone: 'America/Toronto',
        startDate: '2027-03-14',
        endDate: '2027-03-16',
        // 2027-03-14 00:00 is still EST (-05:00); 2027-03-17 00:00 is EDT (-04:00)
        startsAt: '2027-03-14T05:00:00.000Z',
        endsAt: '2027-03-17T04:00:00.000Z',
        capacity: 10,
        placesTaken: 0,
        waitlistCount: 0,
        registrationDeadline: '2027-03-01T12:00:00.000Z',
        pollOpen: false,
        sequence: 0,
        dateOptions: [],
        agenda: [],
        warnings: [],
        report: null,
        createdBy: { id: w.coordinator.id, displayName: 'Tom Coordinator' },
        viewer: { coordinator: true, registration: null },
      });
      expect(visit.purposeHtml).toBe('<p>See how <strong>Toronto</strong> connects newcomers with work.</p>');
      // the official sees it too, but not as a coordinator
      expect((await get(w.official, visit.id).expect(200)).body.viewer.coordinator).toBe(false);
      // an admin who is no member sees it as a coordinator
      expect((await get(w.admin, visit.id).expect(200)).body.viewer.coordinator).toBe(true);
    });

    it('lets only coordinators plan: officials 403, outsiders 404', async () => {
      const body = {
        partnershipId: w.partnershipId,
        hostCityId: w.penang.id,
        title: 'Penang welcome desks',
        themes: ['integration'],
        capacity: 5,
        dates: { startDate: '2027-06-01', endDate: '2027-06-03' },
      };
      const forbidden = await api().post('/api/visits').set(w.official.auth).send(body).expect(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      expect((await api().post('/api/visits').set(w.outsider.auth).send(body).expect(404)).body.code).toBe('NOT_FOUND');
      const created = await api().post('/api/visits').set(w.penangCoordinator.auth).send(body).expect(201);
      expect(created.body.timeZone).toBe('Asia/Kuala_Lumpur');
      expect(created.body.startsAt).toBe('2027-05-31T16:00:00.000Z');
    });

    it('edits a visit; capacity never drops below the places taken', async () => {
      const visit = await createVisit(t, w, { capacity: 3 });
      await move(t, w, visit.id, 'open');
      const [a, b] = await createDelegates(t, w, 2, 'Editor');
      await register(a, visit.id, { accompanying: 1 }).expect(200);
      await register(b, visit.id).expect(200);
      const low = await api()
        .patch(`/api/visits/${visit.id}`)
        .set(w.coordinator.auth)
        .send({ capacity: 1 })
        .expect(400);
      expect(low.body.fields).toHaveProperty('capacity');
      await api().patch(`/api/visits/${visit.id}`).set(w.official.auth).send({ title: 'Nope' }).expect(403);
      const edited = await api()
        .patch(`/api/visits/${visit.id}`)
        .set(w.coordinator.auth)
        .send({ title: 'Employment services, revisited', purpose: '_new_', capacity: 3, registrationDeadline: null })
        .expect(200);
      expect(edited.body).toMatchObject({
        title: 'Employment services, revisited',
        purposeHtml: '<p><em>new</em></p>',
      });
      expect(edited.body.sequence).toBeGreaterThan(visit.sequence);
      await api().patch(`/api/visits/${visit.id}`).set(w.coordinator.auth).send({ status: 'open' }).expect(400);
    });
  });

  describe('state machine', () => {
    it('walks draft → open → confirmed → completed, bumping SEQUENCE; opening notifies the members', async () => {
      const visit = await createVisit(t, w, { title: 'Walk the states' });
      const opened = await move(t, w, visit.id, 'open');
      expect(opened).toMatchObject({ status: 'open', sequence: 1 });
      for (const member of [w.official, w.penangCoordinator, w.penangOfficial]) {
        const note = (await notificationsOf(t, member)).find(
          (n) => n.kind === 'visit.opened' && n.payload.visit.id === visit.id,
        );
        expect(note?.payload).toMatchObject({
          actor: { id: w.coordinator.id },
          visit: { id: visit.id, title: 'Walk the states' },
          hostCity: { id: w.toronto.id, name: 'Toronto' },
          startDate: '2027-03-14',
          endDate: '2027-03-16',
        });
      }
      // nobody outside the partnership, and not the actor
      expect((await notificationsOf(t, w.outsider)).some((n) => n.kind === 'visit.opened')).toBe(false);
      expect(
        (await notificationsOf(t, w.coordinator)).some(
          (n) => n.kind === 'visit.opened' && n.payload.visit.id === visit.id,
        ),
      ).toBe(false);
      expect((await move(t, w, visit.id, 'confirmed')).sequence).toBe(2);
      expect((await move(t, w, visit.id, 'completed')).sequence).toBe(3);
    });

    it('cancels from draft, open and confirmed with a reason, notifying registered and waitlisted delegates', async () => {
      const draft = await createVisit(t, w);
      const missing = await api()
        .post(`/api/visits/${draft.id}/transition`)
        .set(w.coordinator.auth)
        .send({ status: 'cancelled' })
        .expect(400);
      expect(missing.body.fields).toHaveProperty('reason');
      const long = await api()
        .post(`/api/visits/${draft.id}/transition`)
        .set(w.coordinator.auth)
        .send({ status: 'cancelled', reason: 'x'.repeat(1001) })
        .expect(400);
      expect(long.body.fields).toHaveProperty('reason');
      expect(await move(t, w, draft.id, 'cancelled', 'Budget cut')).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Budget cut',
      });

      const open = await createVisit(t, w, { capacity: 1 });
      await move(t, w, open.id, 'open');
      await move(t, w, open.id, 'cancelled', 'Host unavailable');

      const confirmed = await createVisit(t, w, { capacity: 1, title: 'To be cancelled' });
      await move(t, w, confirmed.id, 'open');
      const [registered, waitlisted, left] = await createDelegates(t, w, 3, 'Cancelled');
      await register(registered, confirmed.id).expect(200);
      await register(waitlisted, confirmed.id).expect(200);
      await register(left, confirmed.id).expect(200);
      await api().delete(`/api/visits/${confirmed.id}/registration`).set(left.auth).expect(204);
      await move(t, w, confirmed.id, 'confirmed');
      const cancelled = await move(t, w, confirmed.id, 'cancelled', 'Strike; we will plan again');
      expect(cancelled.sequence).toBe(3);
      for (const user of [registered, waitlisted]) {
        const note = (await notificationsOf(t, user)).find((n) => n.kind === 'visit.cancelled');
        expect(note?.payload).toMatchObject({
          visit: { id: confirmed.id, title: 'To be cancelled' },
          reason: 'Strike; we will plan again',
          actor: { id: w.coordinator.id },
        });
      }
      expect((await notificationsOf(t, left)).some((n) => n.kind === 'visit.cancelled')).toBe(false);
    });

    it('refuses illegal transitions with INVALID_STATE naming both states', async () => {
      const draft = await createVisit(t, w);
      const refuse = async (id: string, status: string, from: string) => {
        const res = await api()
          .post(`/api/visits/${id}/transition`)
          .set(w.coordinator.auth)
          .send(status === 'cancelled' ? { status, reason: 'why' } : { status })
          .expect(409);
        expect(res.body.code).toBe('INVALID_STATE');
        expect(res.body.message).toContain(from);
        expect(res.body.message).toContain(status);
      };
      await refuse(draft.id, 'confirmed', 'draft');
      await refuse(draft.id, 'completed', 'draft');
      await refuse(draft.id, 'draft', 'draft');
      await move(t, w, draft.id, 'open');
      await refuse(draft.id, 'draft', 'open');
      await refuse(draft.id, 'completed', 'open');
      await move(t, w, draft.id, 'confirmed');
      await refuse(draft.id, 'open', 'confirmed');
      await move(t, w, draft.id, 'completed');
      await refuse(draft.id, 'cancelled', 'completed');
      await refuse(draft.id, 'open', 'completed');
      const cancelled = await createVisit(t, w);
      await move(t, w, cancelled.id, 'cancelled', 'Changed plans');
      await refuse(cancelled.id, 'open', 'cancelled');
      await refuse(cancelled.id, 'draft', 'cancelled');
      // a reason is only for cancelling
      const other = await createVisit(t, w);
      const res = await api()
        .post(`/api/visits/${other.id}/transition`)
        .set(w.coordinator.auth)
        .send({ status: 'open', reason: 'because' })
        .expect(400);
      expect(res.body.fields).toHaveProperty('reason');
      await api()
        .post(`/api/visits/${other.id}/transition`)
        .set(w.coordinator.auth)
        .send({ status: 'archived' })
        .expect(400);
    });

    it('confirms only once the dates are fixed', async () => {
      const poll = await createVisit(t, w, {
        dateOptions: [
          { startDate: '2027-05-03', endDate: '2027-05-05' },
          { startDate: '2027-05-10', endDate: '2027-05-12' },
        ],
      });
      await move(t, w, poll.id, 'open');
      const res = await api()
        .post(`/api/visits/${poll.id}/transition`)
        .set(w.coordinator.auth)
        .send({ status: 'confirmed' })
        .expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
      await api()
        .post(`/api/visits/${poll.id}/pick`)
        .set(w.coordinator.auth)
        .send({ optionId: poll.dateOptions[1].id })
        .expect(200);
      expect((await move(t, w, poll.id, 'confirmed')).startDate).toBe('2027-05-10');
    });

    it('lets only coordinators move a visit: officials 403, outsiders 404; admins may', async () => {
      const visit = await createVisit(t, w);
      const denied = await api()
        .post(`/api/visits/${visit.id}/transition`)
        .set(w.penangOfficial.auth)
        .send({ status: 'open' })
        .expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      await api().post(`/api/visits/${visit.id}/transition`).set(w.outsider.auth).send({ status: 'open' }).expect(404);
      // the coordinator of the other member city may, and so may an admin
      await api()
        .post(`/api/visits/${visit.id}/transition`)
        .set(w.penangCoordinator.auth)
        .send({ status: 'open' })
        .expect(200);
      await api()
        .post(`/api/visits/${visit.id}/transition`)
        .set(w.admin.auth)
        .send({ status: 'confirmed' })
        .expect(200);
    });
  });

  it('answers 404 to people outside the partnership on every visit route', async () => {
    const visit = await createVisit(t, w);
    await move(t, w, visit.id, 'open');
    await register(w.official, visit.id).expect(200);
    const item = '00000000-0000-4000-8000-000000000000';
    const routes: [string, string, object?][] = [
      ['get', `/api/visits/${visit.id}`],
      ['patch', `/api/visits/${visit.id}`, { title: 'Taken over' }],
      ['post', `/api/visits/${visit.id}/transition`, { status: 'confirmed' }],
      ['put', `/api/visits/${visit.id}/votes`, { answers: [{ optionId: item, answer: 'yes' }] }],
      ['post', `/api/visits/${visit.id}/pick`, { optionId: item }],
      [
        'post',
        `/api/visits/${visit.id}/agenda`,
        { startsLocal: '2027-03-14T09:00', endsLocal: '2027-03-14T10:00', title: 'x' },
      ],
      ['patch', `/api/visits/${visit.id}/agenda/${item}`, { title: 'x' }],
      ['delete', `/api/visits/${visit.id}/agenda/${item}`],
      ['get', `/api/visits/${visit.id}/registration`],
      ['put', `/api/visits/${visit.id}/registration`, {}],
      ['delete', `/api/visits/${visit.id}/registration`],
      ['get', `/api/visits/${visit.id}/roster`],
      ['get', `/api/visits/${visit.id}/roster.csv`],
      ['get', `/api/visits/${visit.id}/calendar.ics`],
      ['put', `/api/visits/${visit.id}/report`, { seen: 'x', practices: 'y', actions: [] }],
      ['post', `/api/visits/${visit.id}/report/actions/${item}/milestone`, {}],
    ];
    for (const [method, path, body] of routes) {
      const req = (api() as unknown as Record<string, (p: string) => import('supertest').Test>)
        [method](path)
        .set(w.outsider.auth);
      const res = await (body ? req.send(body) : req);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'NOT_FOUND']);
    }
    // unknown and malformed ids are 404 too; the list leaves the visit out
    await get(w.outsider, '00000000-0000-4000-8000-000000000001').expect(404);
    await get(w.coordinator, 'not-a-uuid').expect(404);
    const list = await api().get('/api/visits').set(w.outsider.auth).expect(200);
    expect(list.body.items).toEqual([]);
    expect(await placesTaken(visit.id)).toBe(1);
  });

  describe('date poll', () => {
    it('collects answers, tallies them, lets a coordinator pick, notifies voters and closes', async () => {
      const visit = await createVisit(t, w, {
        title: 'Poll visit',
        dateOptions: [
          { startDate: '2027-05-10', endDate: '2027-05-12' },
          { startDate: '2027-05-03', endDate: '2027-05-05' },
          { startDate: '2027-06-07', endDate: '2027-06-09' },
        ],
      });
      expect(visit).toMatchObject({ pollOpen: true, startDate: null, endDate: null, startsAt: null });
      // options sorted by date, with instants of the host's days for viewers elsewhere
      const [may3, may10, jun7] = visit.dateOptions;
      expect([may3.startDate, may10.startDate, jun7.startDate]).toEqual(['2027-05-03', '2027-05-10', '2027-06-07']);
      expect(may3).toMatchObject({ startsAt: '2027-05-03T04:00:00.000Z', endsAt: '2027-05-06T04:00:00.000Z' });

      const vote = (user: TestUser, answers: [string, string][]) =>
        api()
          .put(`/api/visits/${visit.id}/votes`)
          .set(user.auth)
          .send({ answers: answers.map(([optionId, answer]) => ({ optionId, answer })) });
      await vote(w.official, [
        [may3.id, 'yes'],
        [may10.id, 'no'],
      ]).expect(200);
      await vote(w.penangOfficial, [
        [may3.id, 'if_need_be'],
        [may10.id, 'yes'],
        [jun7.id, 'yes'],
      ]).expect(200);
      // changing one's answer replaces it
      const changed = await vote(w.official, [[may10.id, 'yes']]).expect(200);
      const byId = (dto: VisitDto) => Object.fromEntries(dto.dateOptions.map((o) => [o.id, o]));
      let options = byId(changed.body);
      expect(options[may3.id].tally).toEqual({ yes: 1, if_need_be: 1, no: 0 });
      expect(options[may10.id].tally).toEqual({ yes: 2, if_need_be: 0, no: 0 });
      expect(options[jun7.id].tally).toEqual({ yes: 1, if_need_be: 0, no: 0 });
      expect(options[may10.id].myAnswer).toBe('yes');
      expect(options[jun7.id].myAnswer).toBeNull();
      expect(options[may3.id].voters).toEqual([
        { user: { id: w.penangOfficial.id, displayName: 'Pat Official' }, answer: 'if_need_be' },
        { user: { id: w.official.id, displayName: 'Tara Official' }, answer: 'yes' },
      ]);
      options = byId((await get(w.penangOfficial, visit.id).expect(200)).body);
      expect(options[may3.id].myAnswer).toBe('if_need_be');

      // bad answers
      const bad = await vote(w.official, [[may3.id, 'maybe']]).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['answers.0.answer']);
      const unknown = await vote(w.official, [
        [may3.id, 'yes'],
        ['00000000-0000-4000-8000-000000000000', 'yes'],
      ]).expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['answers.1.optionId']);
      const twice = await vote(w.official, [
        [may3.id, 'yes'],
        [may3.id, 'no'],
      ]).expect(400);
      expect(twice.body.fields).toHaveProperty(['answers.1.optionId']);
      // admins who are no members do not vote
      await vote(w.admin, [[may3.id, 'yes']]).expect(403);

      // only coordinators pick
      await api().post(`/api/visits/${visit.id}/pick`).set(w.official.auth).send({ optionId: may10.id }).expect(403);
      const wrong = await api()
        .post(`/api/visits/${visit.id}/pick`)
        .set(w.coordinator.auth)
        .send({ optionId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(wrong.body.fields).toHaveProperty('optionId');
      const picked = await api()
        .post(`/api/visits/${visit.id}/pick`)
        .set(w.coordinator.auth)
        .send({ optionId: may10.id })
        .expect(200);
      expect(picked.body).toMatchObject({
        pollOpen: false,
        startDate: '2027-05-10',
        endDate: '2027-05-12',
        startsAt: '2027-05-10T04:00:00.000Z',
        sequence: 1,
      });
      // the tally stays visible
      expect(byId(picked.body)[may10.id].tally.yes).toBe(2);
      for (const voter of [w.official, w.penangOfficial]) {
        const note = (await notificationsOf(t, voter)).find((n) => n.kind === 'visit.date_chosen');
        expect(note?.payload).toMatchObject({
          visit: { id: visit.id, title: 'Poll visit' },
          startDate: '2027-05-10',
          endDate: '2027-05-12',
          timeZone: 'America/Toronto',
          actor: { id: w.coordinator.id },
        });
      }
      expect((await notificationsOf(t, w.penangCoordinator)).some((n) => n.kind === 'visit.date_chosen')).toBe(false);

      // the poll is closed
      const late = await vote(w.penangCoordinator, [[may3.id, 'yes']]).expect(409);
      expect(late.body.code).toBe('INVALID_STATE');
      await api().post(`/api/visits/${visit.id}/pick`).set(w.coordinator.auth).send({ optionId: may3.id }).expect(409);
      // a fixed-date visit has no poll
      const fixed = await createVisit(t, w);
      await api()
        .put(`/api/visits/${fixed.id}/votes`)
        .set(w.official.auth)
        .send({ answers: [{ optionId: may3.id, answer: 'yes' }] })
        .expect(409);
    });

    it('counts yes / if need be / no per option as answers change, keeping answers left out of a request', async () => {
      const visit = await createVisit(t, w, {
        title: 'Poll totals',
        dateOptions: [
          { startDate: '2027-09-06', endDate: '2027-09-08' },
          { startDate: '2027-09-13', endDate: '2027-09-15' },
        ],
      });
      const [early, late] = visit.dateOptions;
      const vote = (user: TestUser, answers: Record<string, string>) =>
        api()
          .put(`/api/visits/${visit.id}/votes`)
          .set(user.auth)
          .send({ answers: Object.entries(answers).map(([optionId, answer]) => ({ optionId, answer })) })
          .expect(200);
      const totals = (dto: VisitDto) => dto.dateOptions.map((o) => o.tally);

      await vote(w.official, { [early.id]: 'if_need_be', [late.id]: 'yes' });
      await vote(w.penangOfficial, { [early.id]: 'if_need_be', [late.id]: 'no' });
      let seen: VisitDto = (await vote(w.coordinator, { [early.id]: 'yes', [late.id]: 'if_need_be' })).body;
      expect(totals(seen)).toEqual([
        { yes: 1, if_need_be: 2, no: 0 },
        { yes: 1, if_need_be: 1, no: 1 },
      ]);
      // if need be → no on one option; the other answer stays as it was
      seen = (await vote(w.official, { [early.id]: 'no' })).body;
      expect(totals(seen)).toEqual([
        { yes: 1, if_need_be: 1, no: 1 },
        { yes: 1, if_need_be: 1, no: 1 },
      ]);
      expect(seen.dateOptions.map((o) => o.myAnswer)).toEqual(['no', 'yes']);
      // every member sees the same totals and who answered what, their own answer apart
      const other: VisitDto = (await get(w.penangOfficial, visit.id).expect(200)).body;
      expect(totals(other)).toEqual(totals(seen));
      expect(other.dateOptions.map((o) => o.myAnswer)).toEqual(['if_need_be', 'no']);
      expect(other.dateOptions[1].voters.map((v) => [v.user.id, v.answer])).toEqual(
        expect.arrayContaining([
          [w.official.id, 'yes'],
          [w.penangOfficial.id, 'no'],
          [w.coordinator.id, 'if_need_be'],
        ]),
      );
      // the tally always adds up to the number of voters of each option
      for (const option of other.dateOptions) {
        expect(option.tally.yes + option.tally.if_need_be + option.tally.no).toBe(option.voters.length);
      }
    });
  });

  describe('live updates', () => {
    type NotificationsSocket = Socket<NotificationsServerEvents, NotificationsClientEvents>;
    const sockets: NotificationsSocket[] = [];
    afterAll(() => sockets.forEach((socket) => socket.close()));

    /** A /notifications socket of `user`, connected, recording every visit.changed it hears. */
    async function follower(user: TestUser) {
      const socket: NotificationsSocket = io(`${t.url}${Namespaces.notifications}`, {
        auth: { token: user.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      const heard: { visitId: string; change: VisitChange }[] = [];
      socket.on('visit.changed', (payload) => heard.push(payload));
      await new Promise((resolve, reject) => {
        socket.once('session.ready', resolve);
        socket.once('connect_error', reject);
      });
      return { socket, heard };
    }
    const subscribe = (socket: NotificationsSocket, payload: unknown) =>
      socket.timeout(5000).emitWithAck('visit.subscribe', payload as { visitId: string });
    /** Waits until `heard` holds `count` events, then a little longer to catch any extra one. */
    async function settled<T>(heard: T[], count: number): Promise<T[]> {
      for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 150));
      return heard;
    }

    it('tells the open pages of a visit what changed, and only members of its partnership may follow it', async () => {
      const visit = await createVisit(t, w, {
        title: 'Live poll',
        dateOptions: [
          { startDate: '2027-09-06', endDate: '2027-09-08' },
          { startDate: '2027-09-13', endDate: '2027-09-15' },
        ],
      });
      const [first, second] = visit.dateOptions;
      const penang = await follower(w.penangOfficial);
      const coordinator = await follower(w.coordinator);
      const outsider = await follower(w.outsider);
      expect(await subscribe(penang.socket, { visitId: visit.id })).toEqual({ ok: true });
      expect(await subscribe(coordinator.socket, { visitId: visit.id })).toEqual({ ok: true });
      // outside the partnership, or no such visit: not found; bad payloads: named field
      for (const payload of [{ visitId: visit.id }, { visitId: '00000000-0000-4000-8000-000000000000' }]) {
        expect(await subscribe(outsider.socket, payload)).toEqual({
          ok: false,
          error: { code: 'NOT_FOUND', message: expect.any(String) },
        });
      }
      const bad = await subscribe(penang.socket, { visitId: 'nope', extra: 1 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

      // a vote in Toronto reaches the page open in George Town (and the coordinator's), not the outsider
      await api()
        .put(`/api/visits/${visit.id}/votes`)
        .set(w.official.auth)
        .send({ answers: [{ optionId: first.id, answer: 'yes' }] })
        .expect(200);
      expect(await settled(penang.heard, 1)).toEqual([{ visitId: visit.id, change: 'poll' }]);
      expect(coordinator.heard).toEqual([{ visitId: visit.id, change: 'poll' }]);
      // what the page then refetches holds the new tally
      const seen = (await api().get(`/api/visits/${visit.id}`).set(w.penangOfficial.auth).expect(200)).body as VisitDto;
      expect(seen.dateOptions.find((o) => o.id === first.id)?.tally).toEqual({ yes: 1, if_need_be: 0, no: 0 });

      // the coordinator picks the dates and opens registration; then a registration
      await api()
        .post(`/api/visits/${visit.id}/pick`)
        .set(w.coordinator.auth)
        .send({ optionId: second.id })
        .expect(200);
      await move(t, w, visit.id, 'open');
      await api().put(`/api/visits/${visit.id}/registration`).set(w.official.auth).send({}).expect(200);
      expect((await settled(penang.heard, 4)).map((e) => e.change)).toEqual([
        'poll',
        'dates',
        'status',
        'registrations',
      ]);

      // after unsubscribing, nothing more arrives
      expect(await penang.socket.timeout(5000).emitWithAck('visit.unsubscribe', { visitId: visit.id })).toEqual({
        ok: true,
      });
      await api().delete(`/api/visits/${visit.id}/registration`).set(w.official.auth).expect(204);
      expect((await settled(coordinator.heard, 5)).map((e) => e.change).slice(-1)).toEqual(['registrations']);
      expect(penang.heard).toHaveLength(4);
      expect(outsider.heard).toEqual([]);
    });
  });

  describe('agenda', () => {
    const item = (startsLocal: string, endsLocal: string, extra: object = {}) => ({
      startsLocal,
      endsLocal,
      title: 'Session',
      ...extra,
    });
    const add = (user: TestUser, id: string, body: object) =>
      api().post(`/api/visits/${id}/agenda`).set(user.auth).send(body);

    it('keeps items within the visit’s dates, in order, sorted, and warns about overlaps', async () => {
      const visit = await createVisit(t, w); // 2027-03-14 .. 2027-03-16, Toronto
      const first = await add(
        w.coordinator,
        visit.id,
        item('2027-03-15T09:00', '2027-03-15T11:00', {
          title: 'Welcome centre',
          site: 'Newcomer Office',
          address: '100 Queen St W',
          hostContact: 'Ana, +1 416 555 0100',
          notes: 'Bring **ID**',
        }),
      ).expect(201);
      expect(first.body.agenda[0]).toMatchObject({
        startsLocal: '2027-03-15T09:00',
        endsLocal: '2027-03-15T11:00',
        startsAt: '2027-03-15T13:00:00.000Z',
        endsAt: '2027-03-15T15:00:00.000Z',
        site: 'Newcomer Office',
        address: '100 Queen St W',
        hostContact: 'Ana, +1 416 555 0100',
        notesHtml: '<p>Bring <strong>ID</strong></p>',
      });
      expect(first.body.sequence).toBe(1);
      const second = await add(
        w.coordinator,
        visit.id,
        item('2027-03-14T00:00', '2027-03-14T08:00', { title: 'Arrival' }),
      ).expect(201);
      // the last day ends at 24:00
      const third = await add(
        w.coordinator,
        visit.id,
        item('2027-03-16T20:00', '2027-03-17T00:00', { title: 'Dinner' }),
      ).expect(201);
      expect(third.body.agenda.map((i: { title: string }) => i.title)).toEqual(['Arrival', 'Welcome centre', 'Dinner']);
      expect(third.body.warnings).toEqual([]);
      expect(second.body.sequence).toBe(2);

      const overlap = await add(
        w.coordinator,
        visit.id,
        item('2027-03-15T10:30', '2027-03-15T12:00', { title: 'Job fair' }),
      ).expect(201);
      const jobFair = overlap.body.agenda.find((i: { title: string }) => i.title === 'Job fair');
      expect(overlap.body.warnings).toEqual([
        {
          code: 'AGENDA_OVERLAP',
          message: expect.stringContaining('Job fair'),
          itemIds: [first.body.agenda[0].id, jobFair.id],
        },
      ]);

      const fields = async (body: object) => {
        const res = await add(w.coordinator, visit.id, body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        return Object.keys(res.body.fields).sort();
      };
      expect(await fields(item('2027-03-13T23:00', '2027-03-14T01:00'))).toEqual(['startsLocal']);
      expect(await fields(item('2027-03-16T23:00', '2027-03-17T00:30'))).toEqual(['endsLocal']);
      expect(await fields(item('2027-03-17T09:00', '2027-03-17T10:00'))).toEqual(['endsLocal', 'startsLocal']);
      expect(await fields(item('2027-03-15T10:00', '2027-03-15T09:00'))).toEqual(['endsLocal']);
      expect(await fields(item('2027-03-15 10:00', '2027-03-15T11:00'))).toEqual(['startsLocal']);
      expect(await fields(item('2027-03-15T10:00', '2027-03-15T25:00'))).toEqual(['endsLocal']);
      expect(await fields(item('2027-02-30T10:00', '2027-03-15T11:00'))).toEqual(['startsLocal']);
      expect(await fields({ ...item('2027-03-15T10:00', '2027-03-15T11:00'), title: '' })).toEqual(['title']);

      // edit and delete
      const patched = await api()
        .patch(`/api/visits/${visit.id}/agenda/${jobFair.id}`)
        .set(w.coordinator.auth)
        .send({ startsLocal: '2027-03-15T13:00', endsLocal: '2027-03-15T14:00' })
        .expect(200);
      expect(patched.body.warnings).toEqual([]);
      expect(patched.body.agenda.find((i: { id: string }) => i.id === jobFair.id).startsAt).toBe(
        '2027-03-15T17:00:00.000Z',
      );
      const outside = await api()
        .patch(`/api/visits/${visit.id}/agenda/${jobFair.id}`)
        .set(w.coordinator.auth)
        .send({ endsLocal: '2027-03-18T14:00' })
        .expect(400);
      expect(Object.keys(outside.body.fields)).toEqual(['endsLocal']);
      const removed = await api()
        .delete(`/api/visits/${visit.id}/agenda/${jobFair.id}`)
        .set(w.coordinator.auth)
        .expect(200);
      expect(removed.body.agenda).toHaveLength(3);
      expect(removed.body.sequence).toBe(6);
      await api().delete(`/api/visits/${visit.id}/agenda/${jobFair.id}`).set(w.coordinator.auth).expect(404);

      // officials read the agenda but do not edit it
      await add(w.official, visit.id, item('2027-03-15T15:00', '2027-03-15T16:00')).expect(403);
      await api()
        .patch(`/api/visits/${visit.id}/agenda/${first.body.agenda[0].id}`)
        .set(w.official.auth)
        .send({ title: 'x' })
        .expect(403);
      expect((await get(w.official, visit.id).expect(200)).body.agenda).toHaveLength(3);
    });

    it('needs fixed dates, and closes when the visit is over', async () => {
      const poll = await createVisit(t, w, {
        dateOptions: [
          { startDate: '2027-05-03', endDate: '2027-05-05' },
          { startDate: '2027-05-10', endDate: '2027-05-12' },
        ],
      });
      expect(
        (await add(w.coordinator, poll.id, item('2027-05-03T09:00', '2027-05-03T10:00')).expect(409)).body.code,
      ).toBe('INVALID_STATE');
      const done = await createVisit(t, w);
      await move(t, w, done.id, 'cancelled', 'No budget');
      await add(w.coordinator, done.id, item('2027-03-14T09:00', '2027-03-14T10:00')).expect(409);
    });

    it('notifies registered delegates of changes to a confirmed agenda, in one batch', async () => {
      const visit = await createVisit(t, w, { capacity: 1, title: 'Agenda news' });
      await move(t, w, visit.id, 'open');
      const [delegate, waiting] = await createDelegates(t, w, 2, 'Agenda');
      await register(delegate, visit.id).expect(200);
      await register(waiting, visit.id).expect(200);
      // not yet confirmed: no notification
      const draftItem = await add(
        w.coordinator,
        visit.id,
        item('2027-03-14T09:00', '2027-03-14T10:00', { title: 'Early' }),
      ).expect(201);
      expect((await notificationsOf(t, delegate)).some((n) => n.kind === 'visit.agenda_changed')).toBe(false);
      await move(t, w, visit.id, 'confirmed');
      const { queries } = await t.queries.measure(() =>
        add(w.coordinator, visit.id, item('2027-03-15T09:00', '2027-03-15T10:00', { title: 'Late' })).expect(201),
      );
      expect(queries).toBeLessThan(20);
      await api()
        .patch(`/api/visits/${visit.id}/agenda/${draftItem.body.agenda[0].id}`)
        .set(w.coordinator.auth)
        .send({ title: 'Earlier' })
        .expect(200);
      const notes = (await notificationsOf(t, delegate)).filter((n) => n.kind === 'visit.agenda_changed');
      expect(notes.map((n) => [n.payload.change, n.payload.item.title])).toEqual([
        ['updated', 'Earlier'],
        ['added', 'Late'],
      ]);
      expect(notes[0].payload.visit).toEqual({ id: visit.id, title: 'Agenda news' });
      expect((await notificationsOf(t, waiting)).some((n) => n.kind === 'visit.agenda_changed')).toBe(false);
    });
  });

  describe('time zones', () => {
    it('stores a Toronto DST-day agenda in host time and converts it right for Kuala Lumpur and Lisbon', async () => {
      // 2027-03-14: clocks in Toronto go forward at 02:00 (EST -05:00 → EDT -04:00)
      const visit = await createVisit(t, w, { dates: { startDate: '2027-03-14', endDate: '2027-03-14' } });
      expect(visit).toMatchObject({ startsAt: '2027-03-14T05:00:00.000Z', endsAt: '2027-03-15T04:00:00.000Z' });
      const add = (body: object) => api().post(`/api/visits/${visit.id}/agenda`).set(w.coordinator.auth).send(body);
      await add({ startsLocal: '2027-03-14T01:00', endsLocal: '2027-03-14T01:45', title: 'Night shift visit' }).expect(
        201,
      );
      const res = await add({
        startsLocal: '2027-03-14T09:00',
        endsLocal: '2027-03-14T10:00',
        title: 'Breakfast',
      }).expect(201);
      const [night, breakfast] = res.body.agenda;
      expect(night).toMatchObject({
        startsLocal: '2027-03-14T01:00',
        startsAt: '2027-03-14T06:00:00.000Z',
        endsAt: '2027-03-14T06:45:00.000Z',
      });
      expect(breakfast).toMatchObject({
        startsLocal: '2027-03-14T09:00',
        startsAt: '2027-03-14T13:00:00.000Z',
        endsAt: '2027-03-14T14:00:00.000Z',
      });
      // the same instants, seen from Toronto, Kuala Lumpur (+08:00, no DST) and Lisbon (WET until 2027-03-28)
      const seen = (zone: string) => [night.startsAt, night.endsAt, breakfast.startsAt].map((i) => wallTime(i, zone));
      expect(seen('America/Toronto')).toEqual(['2027-03-14 01:00', '2027-03-14 01:45', '2027-03-14 09:00']);
      expect(seen('Asia/Kuala_Lumpur')).toEqual(['2027-03-14 14:00', '2027-03-14 14:45', '2027-03-14 21:00']);
      expect(seen('Europe/Lisbon')).toEqual(['2027-03-14 06:00', '2027-03-14 06:45', '2027-03-14 13:00']);
      // 01:00 to 09:00 is eight hours on the wall clock but seven elapsed: the night lost an hour
      expect(Date.parse(breakfast.startsAt) - Date.parse(night.startsAt)).toBe(7 * 3600_000);

      // 02:30 does not exist that night
      const gap = await add({ startsLocal: '2027-03-14T02:30', endsLocal: '2027-03-14T03:30', title: 'Ghost' }).expect(
        400,
      );
      expect(gap.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(gap.body.fields)).toEqual(['startsLocal']);
      expect(gap.body.fields.startsLocal[0]).toMatch(
        /does not exist in America\/Toronto: the clocks go forward from 02:00 to 03:00/,
      );
      const gapEnd = await add({
        startsLocal: '2027-03-14T01:30',
        endsLocal: '2027-03-14T02:15',
        title: 'Ghost',
      }).expect(400);
      expect(Object.keys(gapEnd.body.fields)).toEqual(['endsLocal']);
    });

    it('reads a fall-back wall time that happens twice as its first occurrence', async () => {
      // 2027-11-07: Toronto goes back from 02:00 EDT to 01:00 EST; 01:30 happens twice
      const visit = await createVisit(t, w, { dates: { startDate: '2027-11-07', endDate: '2027-11-07' } });
      const res = await api()
        .post(`/api/visits/${visit.id}/agenda`)
        .set(w.coordinator.auth)
        .send({ startsLocal: '2027-11-07T01:30', endsLocal: '2027-11-07T03:00', title: 'Overnight' })
        .expect(201);
      // 01:30 EDT = 05:30Z (the earlier instant), 03:00 EST = 08:00Z
      expect(res.body.agenda[0]).toMatchObject({
        startsAt: '2027-11-07T05:30:00.000Z',
        endsAt: '2027-11-07T08:00:00.000Z',
      });
      expect(res.body.endsAt).toBe('2027-11-08T05:00:00.000Z');
    });
  });

  describe('registration', () => {
    it('holds capacity under concurrency: 50 simultaneous registrations for 10 places', async () => {
      const visit = await createVisit(t, w, { capacity: 10, title: 'Popular visit' });
      await move(t, w, visit.id, 'open');
      const delegates = await createDelegates(t, w, 50, 'Rush');
      const results = await Promise.all(delegates.map((d) => register(d, visit.id, {})));
      expect(results.map((r) => r.status)).toEqual(delegates.map(() => 200));
      const statuses = results.map((r) => (r.body as MyRegistrationDto).status);
      expect(statuses.filter((s) => s === 'registered')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
      expect(await placesTaken(visit.id)).toBe(10);
      const positions = results.map((r) => (r.body as MyRegistrationDto).position).filter((p) => p !== null);
      expect(new Set(positions).size).toBe(40);
      const roster: RosterEntryDto[] = (
        await api().get(`/api/visits/${visit.id}/roster`).set(w.coordinator.auth).expect(200)
      ).body;
      expect(roster.filter((r) => r.status === 'registered')).toHaveLength(10);
      expect(roster.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      const summary: VisitDto = (await get(w.official, visit.id).expect(200)).body;
      expect(summary).toMatchObject({ placesTaken: 10, waitlistCount: 40 });
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM notifications WHERE kind = 'visit.registration' AND payload->'visit'->>'id' = $1`,
        [visit.id],
      );
      expect(count).toBe(50);
    });

    it('promotes the waitlist strictly in order, counting accompanying persons', async () => {
      const visit = await createVisit(t, w, { capacity: 5, title: 'Small visit' });
      await move(t, w, visit.id, 'open');
      const [a, b, c, d, e, f] = await createDelegates(t, w, 6, 'Queue');
      const status = async (u: TestUser, body: object) => {
        const res = await register(u, visit.id, body).expect(200);
        return [res.body.status, res.body.position];
      };
      expect(await status(a, { accompanying: 2 })).toEqual(['registered', null]); // 3 places
      expect(await status(b, { accompanying: 1 })).toEqual(['registered', null]); // 2 places: full
      expect(await status(c, { accompanying: 2 })).toEqual(['waitlisted', 1]); // needs 3
      expect(await status(d, {})).toEqual(['waitlisted', 2]); // needs 1
      expect(await status(e, { accompanying: 1 })).toEqual(['waitlisted', 3]); // needs 2
      expect((await get(b, visit.id).expect(200)).body.viewer.registration).toEqual({
        status: 'registered',
        position: null,
      });
      expect((await get(d, visit.id).expect(200)).body.viewer.registration).toEqual({
        status: 'waitlisted',
        position: 2,
      });

      // B leaves: 2 places free, but C (3) heads the queue, so nobody moves — D may not overtake C
      await api().delete(`/api/visits/${visit.id}/registration`).set(b.auth).expect(204);
      expect(await placesTaken(visit.id)).toBe(3);
      expect((await register(d, visit.id).expect(200)).body).toMatchObject({ status: 'waitlisted', position: 2 });
      // a newcomer who would fit still queues behind the waitlist
      expect(await status(f, {})).toEqual(['waitlisted', 4]);

      // A leaves: 5 free; C (3) and D (1) move up in order; E (2) no longer fits and stops the queue
      await api().delete(`/api/visits/${visit.id}/registration`).set(a.auth).expect(204);
      const roster: RosterEntryDto[] = (
        await api().get(`/api/visits/${visit.id}/roster`).set(w.coordinator.auth).expect(200)
      ).body;
      expect(roster.map((r) => [r.user.id, r.status, r.places, r.position])).toEqual([
        [c.id, 'registered', 3, null],
        [d.id, 'registered', 1, null],
        [e.id, 'waitlisted', 2, 1],
        [f.id, 'waitlisted', 1, 2],
      ]);
      expect(await placesTaken(visit.id)).toBe(4);
      for (const promoted of [c, d]) {
        const note = (await notificationsOf(t, promoted)).find((n) => n.kind === 'visit.promoted');
        expect(note?.payload).toEqual({ visit: { id: visit.id, title: 'Small visit' } });
      }
      for (const still of [e, f]) {
        expect((await notificationsOf(t, still)).some((n) => n.kind === 'visit.promoted')).toBe(false);
      }
      const [first] = await notificationsOf(t, f);
      expect(first).toMatchObject({ kind: 'visit.registration', payload: { status: 'waitlisted', position: 4 } });

      // E comes alone instead of with a companion: 1 place fits, E moves up; F still waits
      expect((await register(e, visit.id, { accompanying: 0 }).expect(200)).body).toMatchObject({
        status: 'registered',
      });
      expect(await placesTaken(visit.id)).toBe(5);
      expect((await register(f, visit.id).expect(200)).body).toMatchObject({ status: 'waitlisted', position: 1 });

      // a registered delegate cannot add companions without free places (their place is kept) …
      const more = await register(c, visit.id, { accompanying: 3 }).expect(400);
      expect(more.body.fields).toHaveProperty('accompanying');
      expect((await api().get(`/api/visits/${visit.id}/registration`).set(c.auth).expect(200)).body.accompanying).toBe(
        2,
      );
      // … but fewer companions free places, which go to the waitlist
      await register(c, visit.id, { accompanying: 1 }).expect(200);
      expect((await api().get(`/api/visits/${visit.id}/registration`).set(f.auth).expect(200)).body).toMatchObject({
        status: 'registered',
        position: null,
      });
      expect(await placesTaken(visit.id)).toBe(5);

      // re-registering after cancelling goes to the back of the queue
      await api().delete(`/api/visits/${visit.id}/registration`).set(a.auth).expect(404);
      expect(await status(a, {})).toEqual(['waitlisted', 1]);
      expect(await status(b, {})).toEqual(['waitlisted', 2]);
    });

    it('opens registration to members of open or confirmed visits, before the deadline', async () => {
      const draft = await createVisit(t, w);
      expect((await register(w.official, draft.id).expect(409)).body.code).toBe('INVALID_STATE');
      await move(t, w, draft.id, 'open');
      await register(w.admin, draft.id).expect(403); // admins who are no members do not travel
      const bad = await register(w.official, draft.id, {
        accompanying: 6,
        dietary: 'x'.repeat(1001),
        extra: true,
      }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['accompanying', 'dietary', 'extra']);
      await api().get(`/api/visits/${draft.id}/registration`).set(w.official.auth).expect(404);
      const mine = await register(w.official, draft.id, { accompanying: 1, dietary: 'Vegetarian' }).expect(200);
      expect(mine.body).toMatchObject({
        status: 'registered',
        accompanying: 1,
        dietary: 'Vegetarian',
        accessibility: '',
        position: null,
      });
      // updating keeps what is not sent
      expect(
        (await register(w.official, draft.id, { accessibility: 'Step-free access' }).expect(200)).body,
      ).toMatchObject({
        accompanying: 1,
        dietary: 'Vegetarian',
        accessibility: 'Step-free access',
      });

      // after the deadline: no new registrations, no companion changes; needs may still change; cancelling works
      await t.dataSource.query(`UPDATE visits SET registration_deadline = now() - interval '1 hour' WHERE id = $1`, [
        draft.id,
      ]);
      expect((await register(w.penangOfficial, draft.id).expect(409)).body.code).toBe('INVALID_STATE');
      await register(w.official, draft.id, { accompanying: 0 }).expect(409);
      await register(w.official, draft.id, { dietary: 'Vegan' }).expect(200);
      await api().delete(`/api/visits/${draft.id}/registration`).set(w.official.auth).expect(204);
      expect(await placesTaken(draft.id)).toBe(0);

      // completed visits take no registrations and no cancellations
      const done = await createVisit(t, w);
      await move(t, w, done.id, 'open');
      await register(w.penangOfficial, done.id).expect(200);
      await move(t, w, done.id, 'confirmed');
      await register(w.official, done.id).expect(200);
      await move(t, w, done.id, 'completed');
      await register(w.penangCoordinator, done.id).expect(409);
      await api().delete(`/api/visits/${done.id}/registration`).set(w.official.auth).expect(409);
    });

    it('shows dietary and accessibility needs only to the delegate and to coordinators', async () => {
      const visit = await createVisit(t, w, { capacity: 2, title: 'Needs visit' });
      await move(t, w, visit.id, 'open');
      const [x, y, z] = await createDelegates(t, w, 3, 'Needs');
      await register(x, visit.id, { dietary: 'Halal, no pork', accessibility: 'Wheelchair "user"' }).expect(200);
      await register(y, visit.id, {
        accompanying: 1,
        dietary: '=HYPERLINK("http://evil")',
        accessibility: 'Hearing\nloop',
      }).expect(200);
      await register(z, visit.id, { dietary: '-1+2' }).expect(200);

      for (const viewer of [x, y, w.official, w.coordinator]) {
        const text = (await get(viewer, visit.id).expect(200)).text;
        expect(text).not.toContain('Halal');
        expect(text).not.toContain('Wheelchair');
        expect(text).not.toContain('HYPERLINK');
        const list = (await api().get('/api/visits').set(viewer.auth).expect(200)).text;
        expect(list).not.toContain('Halal');
      }
      // the delegate sees their own needs
      expect((await api().get(`/api/visits/${visit.id}/registration`).set(x.auth).expect(200)).body.dietary).toBe(
        'Halal, no pork',
      );
      // members may not read the roster
      for (const member of [x, w.official, w.penangOfficial]) {
        await api().get(`/api/visits/${visit.id}/roster`).set(member.auth).expect(403);
        await api().get(`/api/visits/${visit.id}/roster.csv`).set(member.auth).expect(403);
      }
      // coordinators (of either city) and admins do
      for (const coordinator of [w.coordinator, w.penangCoordinator, w.admin]) {
        const roster: RosterEntryDto[] = (
          await api().get(`/api/visits/${visit.id}/roster`).set(coordinator.auth).expect(200)
        ).body;
        expect(roster.map((r) => [r.user.displayName, r.status, r.dietary, r.accessibility])).toEqual([
          ['Needs 01', 'registered', 'Halal, no pork', 'Wheelchair "user"'],
          ['Needs 02', 'waitlisted', '=HYPERLINK("http://evil")', 'Hearing\nloop'],
          ['Needs 03', 'waitlisted', '-1+2', ''],
        ]);
        expect(roster[0]).toMatchObject({
          user: { email: x.email },
          city: { id: w.penang.id, name: 'George Town' },
          places: 1,
        });
      }

      const csv = await api().get(`/api/visits/${visit.id}/roster.csv`).set(w.coordinator.auth).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="visit-.*-roster\.csv"$/);
      const rows = parseExport(csv.text);
      expect(rows[0]).toEqual([
        'Name',
        'Email',
        'City',
        'Status',
        'Waitlist position',
        'Accompanying persons',
        'Places',
        'Dietary needs',
        'Accessibility needs',
        `Registered at (${visit.timeZone})`,
      ]);
      expect(rows.slice(1).map((r) => r.slice(0, 9))).toEqual([
        ['Needs 01', x.email, 'George Town', 'registered', '', '0', '1', 'Halal, no pork', 'Wheelchair "user"'],
        // formula-like cells are defused; a quoted cell keeps its line break
        [
          'Needs 02',
          y.email,
          'George Town',
          'waitlisted',
          '1',
          '1',
          '2',
          `'=HYPERLINK("http://evil")`,
          'Hearing\nloop',
        ],
        ['Needs 03', z.email, 'George Town', 'waitlisted', '2', '0', '1', "'-1+2", ''],
      ]);
      // registration times: wall time in the host's zone, readable by a spreadsheet, no ISO "T…Z"
      const [registered] = await t.dataSource.query(
        `SELECT to_char(r.created_at AT TIME ZONE v.time_zone, 'YYYY-MM-DD HH24:MI:SS') AS at
           FROM visit_registrations r JOIN visits v ON v.id = r.visit_id JOIN users u ON u.id = r.user_id
          WHERE r.visit_id = $1 AND u.email = $2`,
        [visit.id, x.email],
      );
      expect(rows[1][9]).toBe(registered.at);
      expect(csv.text).toContain(`,waitlisted,1,1,2,"'=HYPERLINK(""http://evil"")","Hearing\nloop",`);
    });
  });

  describe('list', () => {
    it('lists visits across the viewer’s partnerships, filtered by time, partnership and month, with cursors', async () => {
      await t.dataSource.query(`DELETE FROM visits`);
      const other = await createVisitWorld(t); // a second partnership the first world's people are not in
      const mine = async (title: string, overrides: object) => createVisit(t, w, { title, ...overrides });
      const march = await mine('March', { dates: { startDate: '2027-03-30', endDate: '2027-04-02' } });
      const april = await mine('April', { dates: { startDate: '2027-04-10', endDate: '2027-04-12' } });
      const poll = await mine('Poll', {
        dateOptions: [
          { startDate: '2027-06-01', endDate: '2027-06-02' },
          { startDate: '2027-04-20', endDate: '2027-04-21' },
        ],
      });
      const past = await mine('Past', { dates: { startDate: '2025-01-10', endDate: '2025-01-12' } });
      const done = await mine('Done', { dates: { startDate: '2027-05-01', endDate: '2027-05-02' } });
      await move(t, w, done.id, 'open');
      await move(t, w, done.id, 'confirmed');
      await move(t, w, done.id, 'completed');
      await createVisit(t, other, { title: 'Elsewhere' });

      const titles = async (user: TestUser, query: string) =>
        ((await api().get(`/api/visits${query}`).set(user.auth).expect(200)).body.items as VisitSummaryDto[]).map(
          (v) => v.title,
        );
      expect(await titles(w.official, '')).toEqual(['Past', 'March', 'April', 'Poll', 'Done']);
      expect(await titles(w.official, '?when=upcoming')).toEqual(['March', 'April', 'Poll']);
      expect(await titles(w.official, '?when=past')).toEqual(['Done', 'Past']);
      expect(await titles(w.official, '?month=2027-04')).toEqual(['March', 'April', 'Poll']);
      expect(await titles(w.official, '?month=2027-06')).toEqual(['Poll']);
      expect(await titles(w.official, `?partnershipId=${other.partnershipId}`)).toEqual([]);
      expect(await titles(other.coordinator, '')).toEqual(['Elsewhere']);
      expect(await titles(w.admin, '?month=2027-03')).toEqual(['Elsewhere', 'March']);
      const bad = await api().get('/api/visits?month=2027-13&when=soon').set(w.official.auth).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['month', 'when']);

      const first = await api().get('/api/visits?when=upcoming&limit=2').set(w.official.auth).expect(200);
      expect(first.body.items.map((v: VisitSummaryDto) => v.id)).toEqual([march.id, april.id]);
      const second = await api()
        .get(`/api/visits?when=upcoming&limit=2&cursor=${first.body.nextCursor}`)
        .set(w.official.auth)
        .expect(200);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ id: poll.id, pollOpen: true })],
        nextCursor: null,
      });
      const pastPage = await api().get('/api/visits?when=past&limit=1').set(w.official.auth).expect(200);
      const pastNext = await api()
        .get(`/api/visits?when=past&limit=1&cursor=${pastPage.body.nextCursor}`)
        .set(w.official.auth)
        .expect(200);
      expect(pastNext.body.items.map((v: VisitSummaryDto) => v.id)).toEqual([past.id]);
    });

    it('answers the list with the same number of queries however many visits it holds', async () => {
      await t.dataSource.query(`DELETE FROM visits`);
      const measure = async () =>
        (await t.queries.measure(() => api().get('/api/visits?limit=50').set(w.official.auth).expect(200))).queries;
      const seed = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const v = await createVisit(t, w, { title: `Visit ${i}` });
          if (i % 2) {
            await move(t, w, v.id, 'open');
            await register(w.official, v.id, { accompanying: 1 }).expect(200);
          }
        }
      };
      await seed(2);
      const small = await measure();
      await seed(12);
      const large = await measure();
      expect((await api().get('/api/visits?limit=50').set(w.official.auth).expect(200)).body.items).toHaveLength(14);
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(2); // the viewer's token, then one statement
    });
  });

  describe('report', () => {
    it('lets coordinators write the report, members read it, and actions become milestones once', async () => {
      const visit = await createVisit(t, w, { title: 'Reported visit' });
      const body = {
        seen: 'The **one-stop** welcome centre.',
        practices: '- Navigators per applicant',
        actions: [{ title: 'Pilot a navigator programme', description: 'Start with nurses' }, { title: 'Share data' }],
      };
      const put = (user: TestUser, b: object = body) =>
        api().put(`/api/visits/${visit.id}/report`).set(user.auth).send(b);
      expect((await put(w.coordinator).expect(409)).body.code).toBe('INVALID_STATE');
      await move(t, w, visit.id, 'open');
      await move(t, w, visit.id, 'confirmed');
      await put(w.official).expect(403);
      const report = (await put(w.coordinator).expect(200)).body;
      expect(report).toMatchObject({
        seenHtml: '<p>The <strong>one-stop</strong> welcome centre.</p>',
        practicesHtml: '<ul>\n<li>Navigators per applicant</li>\n</ul>',
        updatedBy: { id: w.coordinator.id },
        actions: [
          { title: 'Pilot a navigator programme', description: 'Start with nurses', milestone: null },
          { title: 'Share data', description: '', milestone: null },
        ],
      });
      expect((await get(w.penangOfficial, visit.id).expect(200)).body.report.actions).toHaveLength(2);

      const [pilot, share] = report.actions;
      const toMilestone = (user: TestUser, actionId: string, b: object = {}) =>
        api().post(`/api/visits/${visit.id}/report/actions/${actionId}/milestone`).set(user.auth).send(b);
      await toMilestone(w.official, pilot.id).expect(403);
      const badOwner = await toMilestone(w.coordinator, pilot.id, { ownerId: w.outsider.id }).expect(400);
      expect(badOwner.body.fields).toHaveProperty('ownerId');
      const created = await toMilestone(w.coordinator, pilot.id, {
        dueDate: '2027-09-30',
        ownerId: w.penangOfficial.id,
      }).expect(201);
      expect(created.body).toMatchObject({
        id: pilot.id,
        milestone: {
          title: 'Pilot a navigator programme',
          dueDate: '2027-09-30',
          status: 'planned',
          owner: { id: w.penangOfficial.id, displayName: 'Pat Official' },
        },
      });
      // asking again answers the same milestone: no duplicate
      const again = await toMilestone(w.coordinator, pilot.id, { dueDate: '2028-01-01' }).expect(200);
      expect(again.body.milestone.id).toBe(created.body.milestone.id);
      await toMilestone(w.coordinator, '00000000-0000-4000-8000-000000000000').expect(404);

      const partnership = (await api().get(`/api/partnerships/${w.partnershipId}`).set(w.official.auth).expect(200))
        .body;
      const milestones = partnership.milestones.filter(
        (m: { title: string }) => m.title === 'Pilot a navigator programme',
      );
      expect(milestones).toHaveLength(1);
      expect(milestones[0].id).toBe(created.body.milestone.id);

      // rewriting the report keeps listed actions (and their milestone link), drops the others
      const rewritten = (
        await put(w.coordinator, {
          seen: 'Seen',
          practices: 'Practices',
          actions: [{ title: 'New action' }, { id: pilot.id, title: 'Pilot navigators (renamed)' }],
        }).expect(200)
      ).body;
      expect(
        rewritten.actions.map((a: { title: string; milestone: { id: string } | null }) => [
          a.title,
          a.milestone?.id ?? null,
        ]),
      ).toEqual([
        ['New action', null],
        ['Pilot navigators (renamed)', created.body.milestone.id],
      ]);
      const unknown = await put(w.coordinator, {
        seen: '',
        practices: '',
        actions: [{ id: share.id, title: 'Gone' }],
      }).expect(400);
      expect(unknown.body.fields).toHaveProperty(['actions.0.id']);
      await move(t, w, visit.id, 'completed');
      await put(w.coordinator, { seen: 'Final', practices: '', actions: [] }).expect(200);
      expect((await get(w.official, visit.id).expect(200)).body.report).toMatchObject({ seen: 'Final', actions: [] });
      // the milestone stays in the plan
      const after = (await api().get(`/api/partnerships/${w.partnershipId}`).set(w.official.auth).expect(200)).body;
      expect(after.milestones.some((m: { id: string }) => m.id === created.body.milestone.id)).toBe(true);
    });
  });

  it('records a notification of every visit kind', async () => {
    const kinds: { kind: string; status: string | null }[] = await t.dataSource.query(
      `SELECT DISTINCT kind, payload->>'status' AS status FROM notifications WHERE kind LIKE 'visit.%' ORDER BY 1, 2`,
    );
    expect(kinds.map((k) => (k.status ? `${k.kind}:${k.status}` : k.kind))).toEqual([
      'visit.agenda_changed',
      'visit.cancelled',
      'visit.date_chosen',
      'visit.opened',
      'visit.promoted',
      'visit.registration:registered',
      'visit.registration:waitlisted',
    ]);
  });
});
