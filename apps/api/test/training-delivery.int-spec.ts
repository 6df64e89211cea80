import type { NotificationDto, TrainingEvaluationDto, TrainingRequestDto, WorkshopDto } from '@twinning/contracts';
import { Clock } from '../src/common/clock';
import { TrainingLifecycleService } from '../src/training';
import { addMember, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createTrainingWorld, http, matchedRequest, type TrainingWorld } from './support/training';

/** Scheduling (each format), the timed moves, attendance, evaluations and who may do what. */
describe('training delivery: scheduling, lifecycle and evaluations', () => {
  let t: TestApp;
  let w: TrainingWorld;
  let clock: Clock;
  const api = () => http(t);

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createTrainingWorld(t);
    clock = t.app.get(Clock);
    clock.set('2027-02-01T08:00:00Z');
  });
  afterAll(() => t.close());

  const tick = () => t.app.get(TrainingLifecycleService).tick();
  const get = (user: TestUser, id: string) => api().get(`/api/training/requests/${id}`).set(user.auth);
  const schedule = (user: TestUser, id: string, body: object) =>
    api().post(`/api/training/requests/${id}/schedule`).set(user.auth).send(body);
  const evaluate = (user: TestUser, id: string, body: object) =>
    api().put(`/api/training/requests/${id}/evaluation`).set(user.auth).send(body);
  const evaluation = async (user: TestUser, id: string): Promise<TrainingEvaluationDto> =>
    (await api().get(`/api/training/requests/${id}/evaluation`).set(user.auth).expect(200)).body;
  const workshop = (user: TestUser, id: string) => api().get(`/api/workshops/${id}`).set(user.auth);
  const notificationsOf = async (user: TestUser): Promise<NotificationDto[]> =>
    (await api().get('/api/notifications?limit=100').set(user.auth).expect(200)).body.items;
  const expectInvalid = (
    res: { status: number; body: { code: string; message: string } },
    from: string,
    to: string,
  ) => {
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.message).toContain(`from ${from} to ${to}`);
  };
  const sessions = [
    { startsAt: '2027-03-17T09:00:00Z', endsAt: '2027-03-17T11:00:00Z' },
    { title: 'Role plays', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T11:00:00Z' },
  ];
  const good = { overall: 4, relevance: 5, willApply: true, improve: 'More examples' };

  describe('a city request, live online, trained by an expert city official without any platform role', () => {
    let id: string;
    let workshopIds: string[];

    beforeAll(async () => {
      ({ id } = await matchedRequest(t, w, {
        offerBy: w.lisbonCoord,
        offer: { cityId: w.lisbon.id, trainerIds: [w.lisbonOfficial.id] },
      }));
    });

    it('refuses an illegal schedule: roles (403), outsiders (404), bad input (400 naming the field)', async () => {
      expect((await schedule(w.torontoOfficial, id, { sessions })).status).toBe(403);
      expect((await schedule(w.madridCoord, id, { sessions })).status).toBe(404);
      expect((await schedule(w.fac2, id, { sessions })).status).toBe(404);
      const none = await schedule(w.torontoCoord, id, {});
      expect(none.status).toBe(400);
      expect(Object.keys(none.body.fields)).toEqual(['sessions']);
      const wrong = await schedule(w.torontoCoord, id, {
        sessions: [{ startsAt: '2027-03-10T11:00:00Z', endsAt: '2027-03-10T09:00:00Z' }],
        place: 'Town hall',
        deadline: '2027-04-01',
      });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.fields).sort()).toEqual(['deadline', 'place', 'sessions']);
      const past = await schedule(w.torontoCoord, id, {
        sessions: [{ startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' }],
      });
      expect(past.body.fields.sessions).toEqual(['sessions must be in the future']);
      const bad = await schedule(w.torontoCoord, id, { sessions: [{ startsAt: 'soon', endsAt: 3 }], language: 'xx' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['language', 'sessions.0.endsAt', 'sessions.0.startsAt']);
      expect((await get(w.torontoCoord, id)).body.status).toBe('matched');
    });

    it('the trainer schedules: one city-scoped workshop per session, trainer facilitating exactly those, officials registered', async () => {
      const res = await schedule(w.lisbonOfficial, id, { sessions, language: 'en' });
      expect(res.status).toBe(200);
      const dto = res.body as TrainingRequestDto;
      expect(dto.status).toBe('scheduled');
      expect(dto.schedule?.format).toBe('live_online');
      expect(dto.schedule?.sessions.map((s) => [s.position, s.title, s.startsAt])).toEqual([
        [1, 'Role plays', '2027-03-10T09:00:00.000Z'],
        [2, 'Mediation for front-desk staff (2/2)', '2027-03-17T09:00:00.000Z'],
      ]);
      expect(dto.schedule?.deliveryEndsAt).toBe('2027-03-17T11:00:00.000Z');
      expect(dto.history.at(-1)).toMatchObject({
        from: 'matched',
        to: 'scheduled',
        actor: { id: w.lisbonOfficial.id },
      });
      workshopIds = dto.schedule?.sessions.map((s) => s.workshop?.id ?? '') ?? [];
      expect(workshopIds.every(Boolean)).toBe(true);

      const asTrainer = (await workshop(w.lisbonOfficial, workshopIds[0]).expect(200)).body as WorkshopDto;
      expect(asTrainer).toMatchObject({
        scope: 'city',
        city: { id: w.toronto.id, name: 'Toronto' },
        partnership: null,
        language: 'en',
        viewer: { facilitator: true },
      });
      expect(asTrainer.facilitators.map((f) => f.id)).toEqual([w.lisbonOfficial.id]);
      const facilitated: { workshop_id: string }[] = await t.dataSource.query(
        `SELECT workshop_id FROM workshop_facilitators WHERE user_id = $1 ORDER BY workshop_id`,
        [w.lisbonOfficial.id],
      );
      expect(facilitated.map((r) => r.workshop_id)).toEqual([...workshopIds].sort());
      const mine = (await api().get('/api/workshops?mine=true').set(w.lisbonOfficial.auth).expect(200)).body.items;
      expect(mine.map((x: { id: string }) => x.id).sort()).toEqual([...workshopIds].sort());

      const asOfficial = (await workshop(w.torontoOfficial, workshopIds[0]).expect(200)).body as WorkshopDto;
      expect(asOfficial.viewer).toMatchObject({ registered: true, facilitator: false });
      // the city's coordinator sees it (city scope); outsiders and the offer's author do not
      expect((await workshop(w.torontoCoord, workshopIds[0])).status).toBe(200);
      for (const outsider of [w.madridCoord, w.lisbonCoord, w.member, w.penangOfficial]) {
        expect((await workshop(outsider, workshopIds[1])).status).toBe(404);
      }
      const listed = (await api().get('/api/workshops').set(w.madridCoord.auth).expect(200)).body.items;
      expect(listed.some((x: { id: string }) => workshopIds.includes(x.id))).toBe(false);
      // the per-workshop facilitator runs the room; a registered official may not
      expect((await api().post(`/api/workshops/${workshopIds[0]}/open`).set(w.torontoOfficial.auth)).status).toBe(403);
      expect((await api().post(`/api/workshops/${workshopIds[0]}/open`).set(w.lisbonOfficial.auth)).status).toBe(200);

      for (const user of [w.torontoCoord, w.torontoOfficial, w.lisbonCoord]) {
        const told = (await notificationsOf(user)).find((n) => n.kind === 'training.scheduled');
        expect(told?.payload).toMatchObject({ request: { id }, startsAt: '2027-03-10T09:00:00.000Z', deadline: null });
      }
      expect((await notificationsOf(w.lisbonOfficial)).some((n) => n.kind === 'training.scheduled')).toBe(false);
    });

    it('refuses moves that are not legal any more', async () => {
      expectInvalid(await schedule(w.torontoCoord, id, { sessions }), 'scheduled', 'scheduled');
      expectInvalid(
        await api().post(`/api/training/requests/${id}/withdraw`).set(w.torontoCoord.auth).send({}),
        'scheduled',
        'withdrawn',
      );
      // attendance is for in-person trainings
      const marked = await api()
        .put(`/api/training/requests/${id}/attendance`)
        .set(w.lisbonOfficial.auth)
        .send({ entries: [{ userId: w.torontoOfficial.id, present: true }] });
      expect(marked.status).toBe(409);
      // no evaluation before delivery
      const early = await evaluate(w.torontoOfficial, id, good);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('INVALID_STATE');
    });

    it('moves to delivered when the last session ends, by the system, and opens the evaluation', async () => {
      clock.set('2027-03-17T10:59:00Z');
      expect(await tick()).toEqual({ delivered: 0, evaluated: 0 });
      clock.set('2027-03-17T11:05:00Z');
      expect(await tick()).toEqual({ delivered: 1, evaluated: 0 });
      const dto = (await get(w.torontoCoord, id).expect(200)).body as TrainingRequestDto;
      expect(dto.status).toBe('delivered');
      expect(dto.history.at(-1)).toMatchObject({ actor: null, from: 'scheduled', to: 'delivered' });
      expect(dto.history.at(-1)?.at).toBeDefined();
      expect(dto.schedule?.deliveredAt).toBe('2027-03-17T11:05:00.000Z');
      expect(dto.schedule?.evaluationClosesAt).toBe('2027-03-31T11:05:00.000Z');
      const told = (await notificationsOf(w.torontoOfficial)).find((n) => n.kind === 'training.evaluation_open');
      expect(told?.payload).toMatchObject({ request: { id }, closesAt: '2027-03-31T11:05:00.000Z' });
      // trainers and requesters are not participants: not told
      expect((await notificationsOf(w.lisbonOfficial)).some((n) => n.kind === 'training.evaluation_open')).toBe(false);
      expect((await notificationsOf(w.torontoCoord)).some((n) => n.kind === 'training.evaluation_open')).toBe(false);
    });

    it('takes one answer per participant (edits replace it) and refuses everyone else', async () => {
      const bad = await evaluate(w.torontoOfficial, id, {
        overall: 6,
        relevance: 0,
        willApply: 'yes',
        improve: 'x'.repeat(501),
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['improve', 'overall', 'relevance', 'willApply']);
      expect((await evaluate(w.torontoOfficial, id, good)).status).toBe(200);
      const edited = (await evaluate(w.torontoOfficial, id, { ...good, overall: 2 }).expect(200)).body;
      expect(edited.mine).toMatchObject({ overall: 2, relevance: 5, willApply: true, improve: 'More examples' });
      expect(edited.results).toBeNull();
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM training_evaluations WHERE request_id = $1`,
        [id],
      );
      expect(count).toBe(1);
      expect((await evaluate(w.lisbonOfficial, id, good)).status).toBe(403); // the trainer
      expect((await evaluate(w.torontoCoord, id, good)).status).toBe(403); // a requester, not a participant
      expect((await evaluate(w.madridCoord, id, good)).status).toBe(404);
      expect((await api().get(`/api/training/requests/${id}/evaluation`).set(w.member.auth)).status).toBe(404);
      // fewer than five answers: no numbers at all, for requesters and trainers alike
      for (const viewer of [w.torontoCoord, w.lisbonOfficial]) {
        expect((await evaluation(viewer, id)).results).toEqual({ ready: false, minAnswers: 5 });
      }
    });

    it('moves to evaluated when the 14-day window closes; answers are then refused', async () => {
      clock.set('2027-03-31T11:04:00Z');
      expect(await tick()).toEqual({ delivered: 0, evaluated: 0 });
      clock.set('2027-03-31T11:06:00Z');
      expect(await tick()).toEqual({ delivered: 0, evaluated: 1 });
      const dto = (await get(w.torontoCoord, id).expect(200)).body as TrainingRequestDto;
      expect(dto.status).toBe('evaluated');
      expect(dto.history.slice(-2).map((e) => [e.actor, e.from, e.to])).toEqual([
        [null, 'scheduled', 'delivered'],
        [null, 'delivered', 'evaluated'],
      ]);
      expectInvalid(await schedule(w.torontoCoord, id, { sessions }), 'evaluated', 'scheduled');
      expect((await evaluate(w.torontoOfficial, id, good)).status).toBe(409);
      clock.set('2027-02-01T08:00:00Z');
    });
  });

  describe('a partnership request, live online, with registered attendees: the five-answer threshold', () => {
    let id: string;
    let extra: TestUser[];
    let workshopId: string;

    beforeAll(async () => {
      clock.set('2027-02-01T08:00:00Z');
      ({ id } = await matchedRequest(t, w, {
        request: {
          cityId: undefined,
          partnershipId: w.partnershipId,
          officialIds: [w.torontoOfficial.id, w.penangOfficial.id],
        },
        offerBy: w.fac1,
      }));
      extra = [];
      for (let i = 0; i < 4; i++) {
        const u = await createUser(t, { displayName: `Extra Official ${i}` });
        await addMember(t.dataSource, i % 2 ? w.toronto.id : w.penang.id, u.id, 'official');
        extra.push(u);
      }
    });

    it('a requester schedules: the workshop is partnership-scoped, officials registered', async () => {
      const dto = (await schedule(w.penangCoord, id, { sessions: [sessions[1]] }).expect(200))
        .body as TrainingRequestDto;
      workshopId = dto.schedule?.sessions[0].workshop?.id ?? '';
      const ws = (await workshop(w.fac1, workshopId).expect(200)).body as WorkshopDto;
      expect(ws).toMatchObject({ scope: 'partnership', partnership: { id: w.partnershipId }, city: null });
      expect(ws.registeredCount).toBe(2);
      expect((await workshop(w.madridCoord, workshopId)).status).toBe(404);
      expect((await workshop(w.lisbonOfficial, workshopId)).status).toBe(404);
      // other officials of member cities register themselves: they take part too
      for (const u of extra) await api().put(`/api/workshops/${workshopId}/registration`).set(u.auth).expect(200);
      expect((await get(extra[0], id)).body.viewer).toMatchObject({ participant: true, canSeeResults: false });
      expect((await get(w.madridCoord, id)).status).toBe(404);
    });

    it('shows results only from five answers on, in aggregate, free text without names', async () => {
      clock.set('2027-03-10T12:00:00Z');
      expect(await tick()).toEqual({ delivered: 1, evaluated: 0 });
      const answers = [
        { overall: 5, relevance: 4, willApply: true, improve: 'Zebra crossing examples' },
        { overall: 4, relevance: 4, willApply: true, improve: 'Longer breaks' },
        { overall: 3, relevance: 2, willApply: false },
        { overall: 5, relevance: 5, willApply: true, improve: 'Arabic handouts' },
        { overall: 2, relevance: 3, willApply: false, improve: 'Less theory' },
      ];
      const people = [w.torontoOfficial, w.penangOfficial, ...extra.slice(0, 3)];
      for (let i = 0; i < 4; i++) await evaluate(people[i], id, answers[i]).expect(200);
      const four = await evaluation(w.torontoCoord, id);
      expect(four.results).toEqual({ ready: false, minAnswers: 5 });
      expect(JSON.stringify(four)).not.toContain('Zebra');
      await evaluate(people[4], id, answers[4]).expect(200);
      for (const viewer of [w.torontoCoord, w.fac1, w.admin]) {
        const five = await evaluation(viewer, id);
        expect(five.results).toEqual({
          ready: true,
          minAnswers: 5,
          answers: 5,
          overall: { average: 3.8, counts: [0, 1, 1, 1, 2] },
          relevance: { average: 3.6, counts: [0, 1, 1, 2, 1] },
          willApply: { yes: 3, no: 2 },
          improvements: ['Arabic handouts', 'Less theory', 'Longer breaks', 'Zebra crossing examples'],
        });
        const text = JSON.stringify(five);
        for (const p of people) {
          expect(text).not.toContain(p.id);
          expect(text).not.toContain(p.displayName);
        }
      }
      // a participant sees their own answer, never the results
      const own = await evaluation(extra[3], id);
      expect(own).toMatchObject({ canAnswer: true, mine: null, results: null });
    });

    it('feeds the trainer’s past evaluations into matching from five answers on', async () => {
      const next = await matchedRequestOpen();
      const matches = (await api().get(`/api/training/requests/${next}/matches`).set(w.torontoCoord.auth).expect(200))
        .body.items as {
        user: { id: string } | null;
        breakdown: { evaluation: number };
        reasons: { evaluations: unknown };
      }[];
      const fac1 = matches.find((m) => m.user?.id === w.fac1.id);
      expect(fac1?.reasons.evaluations).toEqual({ answers: 5, average: 3.8 });
      expect(fac1?.breakdown.evaluation).toBe(Math.round(((3.8 - 1) / 4) * 10));
      const fac2 = matches.find((m) => m.user?.id === w.fac2.id);
      expect(fac2?.reasons.evaluations).toEqual({ answers: 0, average: null });
    });

    async function matchedRequestOpen(): Promise<string> {
      const res = await api()
        .post('/api/training/requests')
        .set(w.torontoCoord.auth)
        .send({
          cityId: w.toronto.id,
          title: 'Negotiation basics',
          themes: ['integration'],
          skills: ['negotiation'],
          audienceRoles: [],
          headCount: 5,
          officialIds: [],
          languages: ['en'],
          format: 'live_online',
          preferredStart: '2027-05-01',
          preferredEnd: '2027-05-31',
        })
        .expect(201);
      return res.body.id;
    }
  });

  describe('in person: a place, dates, and attendance marked by the trainer', () => {
    let id: string;

    beforeAll(async () => {
      clock.set('2027-02-01T08:00:00Z');
      const u = await createUser(t, { displayName: 'Second Toronto Official' });
      await addMember(t.dataSource, w.toronto.id, u.id, 'official');
      ({ id } = await matchedRequest(t, w, {
        request: { format: 'in_person', officialIds: [w.torontoOfficial.id, u.id] },
        offerBy: w.fac2,
        offer: { format: 'in_person', language: 'fr' },
      }));
    });

    it('needs a place, creates no workshop, and lets only the trainer mark attendance of named officials', async () => {
      const noPlace = await schedule(w.torontoCoord, id, { sessions: [sessions[1]] });
      expect(noPlace.status).toBe(400);
      expect(Object.keys(noPlace.body.fields)).toEqual(['place']);
      const dto = (
        await schedule(w.torontoCoord, id, { sessions: [sessions[1]], place: 'City Hall, room 3' }).expect(200)
      ).body as TrainingRequestDto;
      expect(dto.schedule).toMatchObject({ format: 'in_person', place: 'City Hall, room 3', course: null });
      expect(dto.schedule?.sessions[0].workshop).toBeNull();
      expect(dto.viewer.canMarkAttendance).toBe(false);
      expect(dto.attendance?.map((a) => a.present)).toEqual([null, null]);
      const mark = (user: TestUser, entries: object[]) =>
        api().put(`/api/training/requests/${id}/attendance`).set(user.auth).send({ entries });
      expect((await mark(w.torontoCoord, [{ userId: w.torontoOfficial.id, present: true }])).status).toBe(403);
      expect((await mark(w.torontoOfficial, [{ userId: w.torontoOfficial.id, present: true }])).status).toBe(403);
      expect((await mark(w.madridCoord, [{ userId: w.torontoOfficial.id, present: true }])).status).toBe(404);
      const stranger = await mark(w.fac2, [{ userId: w.lisbonOfficial.id, present: true }]);
      expect(stranger.status).toBe(400);
      expect(stranger.body.fields.entries).toEqual([
        'entries: Lia Lisbon is not one of the officials named in the request',
      ]);
      expect((await mark(w.fac2, [])).status).toBe(400);
      const marked = (await mark(w.fac2, [{ userId: w.torontoOfficial.id, present: false }]).expect(200))
        .body as TrainingRequestDto;
      expect(marked.viewer.canMarkAttendance).toBe(true);
      const tara = marked.attendance?.find((a) => a.user.id === w.torontoOfficial.id);
      expect(tara?.present).toBe(false);
      // an official marked absent is not a participant: no evaluation for them
      clock.set('2027-03-10T11:30:00Z');
      await tick();
      expect((await get(w.torontoOfficial, id).expect(200)).body.viewer.participant).toBe(false);
      expect((await evaluate(w.torontoOfficial, id, good)).status).toBe(403);
    });
  });

  describe('self paced: the officials enrolled in the offer’s published course until a deadline', () => {
    let courseId: string;
    let draftCourseId: string;

    beforeAll(async () => {
      clock.set('2027-02-01T08:00:00Z');
      const reviewers = [await createUser(t, { roles: ['reviewer'] }), await createUser(t, { roles: ['reviewer'] })];
      const make = async () =>
        (
          await api()
            .post('/api/courses')
            .set(w.fac1.auth)
            .send({
              title: 'Mediation, self paced',
              language: 'en',
              themes: ['integration'],
              description: 'Practise mediation.',
              estimatedHours: 2,
              modules: [{ title: 'One', lessons: [{ title: 'First', body: 'Read this.' }], quizzes: [] }],
            })
            .expect(201)
        ).body as { id: string; courseId: string };
      const v = await make();
      await api().post(`/api/course-versions/${v.id}/submit`).set(w.fac1.auth).expect(200);
      for (const r of reviewers) await api().post(`/api/course-versions/${v.id}/approve`).set(r.auth).expect(200);
      courseId = v.courseId;
      draftCourseId = (await make()).courseId;
    });

    it('an offer names a published course; scheduling enrols the officials; the deadline delivers it', async () => {
      const req = await api()
        .post('/api/training/requests')
        .set(w.torontoCoord.auth)
        .send({
          cityId: w.toronto.id,
          title: 'Mediation at your own pace',
          themes: [],
          skills: ['mediation'],
          audienceRoles: [],
          headCount: 1,
          officialIds: [w.torontoOfficial.id],
          languages: ['en'],
          format: 'self_paced',
          preferredStart: '2027-03-01',
          preferredEnd: '2027-03-31',
        })
        .expect(201);
      const id = req.body.id as string;
      const offer = (body: object) => api().post(`/api/training/requests/${id}/offers`).set(w.fac1.auth).send(body);
      const base = {
        approach: 'Work through the course, then a call.',
        format: 'self_paced',
        proposedDates: ['2027-03-01'],
        trainerIds: [w.fac1.id],
        language: 'en',
      };
      expect((await offer(base)).body.fields).toHaveProperty('courseId');
      expect((await offer({ ...base, courseId: draftCourseId })).body.fields).toHaveProperty('courseId');
      expect((await offer({ ...base, format: 'live_online', courseId })).body.fields).toHaveProperty('courseId');
      const made = (await offer({ ...base, courseId }).expect(201)).body as TrainingRequestDto;
      expect(made.offers[0].course).toEqual({ id: courseId, title: 'Mediation, self paced' });
      await api()
        .post(`/api/training/requests/${id}/offers/${made.offers[0].id}/accept`)
        .set(w.torontoCoord.auth)
        .expect(200);

      const bad = await schedule(w.fac1, id, { sessions, deadline: '2027-01-01' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(['sessions']);
      const past = await schedule(w.fac1, id, { deadline: '2027-01-31' });
      expect(past.body.fields).toEqual({ deadline: ['deadline must be in the future'] });
      const dto = (await schedule(w.fac1, id, { deadline: '2027-03-31' }).expect(200)).body as TrainingRequestDto;
      // the end of March 31 in Toronto (EDT, UTC−4)
      expect(dto.schedule).toMatchObject({
        format: 'self_paced',
        course: { id: courseId, title: 'Mediation, self paced' },
        deadline: '2027-04-01T04:00:00.000Z',
        deliveryEndsAt: '2027-04-01T04:00:00.000Z',
        sessions: [],
      });
      const enrolled = await t.dataSource.query(
        `SELECT user_id, version_id FROM course_enrolments WHERE course_id = $1`,
        [courseId],
      );
      expect(enrolled).toEqual([{ user_id: w.torontoOfficial.id, version_id: dto.schedule?.course?.versionId }]);
      const told = (await notificationsOf(w.torontoOfficial)).find(
        (n) => n.kind === 'training.scheduled' && n.payload.request.id === id,
      );
      expect(told?.payload).toMatchObject({ startsAt: null, deadline: '2027-04-01T04:00:00.000Z' });

      clock.set('2027-04-01T03:59:00Z');
      await tick();
      expect((await get(w.torontoCoord, id)).body.status).toBe('scheduled');
      clock.set('2027-04-01T04:01:00Z');
      await tick();
      expect((await get(w.torontoCoord, id)).body.status).toBe('delivered');
      expect((await get(w.torontoOfficial, id)).body.viewer.participant).toBe(true);
    });

    it('cannot schedule an open request', async () => {
      clock.set('2027-02-01T08:00:00Z');
      const res = await api()
        .post('/api/training/requests')
        .set(w.torontoCoord.auth)
        .send({
          cityId: w.toronto.id,
          title: 'Still open',
          themes: [],
          skills: ['mediation'],
          audienceRoles: [],
          headCount: 1,
          officialIds: [],
          languages: ['en'],
          format: 'live_online',
          preferredStart: '2027-03-01',
          preferredEnd: '2027-03-31',
        })
        .expect(201);
      expectInvalid(await schedule(w.torontoCoord, res.body.id, { sessions }), 'open', 'scheduled');
    });
  });
});
