import type { NotificationDto, TrainingRequestDto } from '@twinning/contracts';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import type { TestUser } from './support/factories';
import {
  createRequest,
  createTrainingWorld,
  http,
  makeOffer,
  offerBody,
  requestBody,
  resetTrainingLimits,
  type TrainingWorld,
} from './support/training';

describe('training requests and offers', () => {
  let t: TestApp;
  let w: TrainingWorld;
  const api = () => http(t);

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createTrainingWorld(t);
  });
  afterAll(() => t.close());

  const get = (user: TestUser, id: string) => api().get(`/api/training/requests/${id}`).set(user.auth);
  const accept = (user: TestUser, id: string, offerId: string) =>
    api().post(`/api/training/requests/${id}/offers/${offerId}/accept`).set(user.auth);
  const withdraw = (user: TestUser, id: string, reason?: string) =>
    api()
      .post(`/api/training/requests/${id}/withdraw`)
      .set(user.auth)
      .send(reason ? { reason } : {});
  const offer = async (user: TestUser, id: string, body: object) => {
    await resetTrainingLimits(t, user);
    return api().post(`/api/training/requests/${id}/offers`).set(user.auth).send(body);
  };
  const notificationsOf = async (user: TestUser): Promise<NotificationDto[]> =>
    (await api().get('/api/notifications?limit=100').set(user.auth).expect(200)).body.items;

  describe('creating', () => {
    const post = async (body: object, by: TestUser = w.torontoCoord) => {
      await resetTrainingLimits(t, by);
      return api().post('/api/training/requests').set(by.auth).send(body);
    };
    const fieldsOf = async (body: object) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return Object.keys(res.body.fields).sort();
    };

    it('refuses bad requests with VALIDATION_FAILED naming each field', async () => {
      const base = requestBody(w);
      expect(
        await fieldsOf({ ...base, skills: [], format: 'webinar', languages: ['xx'], headCount: 0, title: 'x' }),
      ).toEqual(['format', 'headCount', 'languages', 'skills', 'title']);
      expect(await fieldsOf({ ...base, skills: ['juggling'], themes: ['sport'], extra: true })).toEqual([
        'extra',
        'skills',
        'themes',
      ]);
      expect(await fieldsOf({ ...base, partnershipId: w.partnershipId })).toEqual(['cityId', 'partnershipId']);
      const { cityId: _, ...noScope } = base;
      expect(await fieldsOf(noScope)).toEqual(['cityId', 'partnershipId']);
      expect(await fieldsOf({ ...base, preferredStart: '2027-04-01', preferredEnd: '2027-03-01' })).toEqual([
        'preferredEnd',
      ]);
      expect(await fieldsOf({ ...base, preferredStart: '2027-02-30' })).toEqual(['preferredStart']);
      expect(await fieldsOf({ ...base, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
      expect(await fieldsOf({ ...base, officialIds: ['nope'] })).toEqual(['officialIds']);
      // named officials must be officials of the requesting city
      const res = await post({ ...base, officialIds: [w.torontoOfficial.id, w.lisbonOfficial.id] });
      expect(res.status).toBe(400);
      expect(res.body.fields.officialIds).toEqual([
        'officialIds: Lia Lisbon is not an official of the requesting city or partnership',
      ]);
      const french = await api()
        .post('/api/training/requests')
        .set(w.torontoCoord.auth)
        .set('Accept-Language', 'fr')
        .send({ ...base, officialIds: [w.lisbonOfficial.id] });
      expect(french.body.fields.officialIds[0]).toContain('Lia Lisbon');
      expect(french.body.fields.officialIds[0]).not.toContain('is not');
    });

    it('lets only coordinators request: 403 for officials, facilitators and other cities; 404 for outsiders of a partnership', async () => {
      expect((await post(requestBody(w), w.torontoOfficial)).status).toBe(403);
      expect((await post(requestBody(w), w.fac1)).status).toBe(403);
      expect((await post(requestBody(w), w.lisbonCoord)).status).toBe(403);
      expect((await post(requestBody(w), w.admin)).status).toBe(403);
      const forPartnership = requestBody(w, { cityId: undefined, partnershipId: w.partnershipId });
      expect((await post(forPartnership, w.lisbonCoord)).status).toBe(404);
      expect((await post(forPartnership, w.penangOfficial)).status).toBe(403);
    });

    it("creates an open request, recorded with who and when, in the requester's time zone", async () => {
      const req = await createRequest(t, w);
      expect(req).toMatchObject({
        status: 'open',
        requester: { kind: 'city', city: { id: w.toronto.id, name: 'Toronto' } },
        timeZone: 'America/Toronto',
        preferredStart: '2027-03-01',
        preferredEnd: '2027-03-31',
        skills: ['mediation', 'negotiation'],
        officials: [{ id: w.torontoOfficial.id, displayName: 'Tara Toronto' }],
        offers: [],
        acceptedOfferId: null,
        viewer: { requester: true, canDecide: true, canOffer: false },
      });
      expect(req.history).toEqual([
        expect.objectContaining({
          from: null,
          to: 'open',
          actor: { id: w.torontoCoord.id, displayName: 'Tom Toronto' },
        }),
      ]);
      // a partnership's coordinator requests for the partnership; the zone is their city's, or the one given
      const forPartnership = await createRequest(
        t,
        w,
        { cityId: undefined, partnershipId: w.partnershipId, officialIds: [w.torontoOfficial.id, w.penangOfficial.id] },
        w.penangCoord,
      );
      expect(forPartnership.requester).toEqual({
        kind: 'partnership',
        partnership: { id: w.partnershipId, title: 'Toronto – George Town' },
      });
      expect(forPartnership.timeZone).toBe('Asia/Kuala_Lumpur');
      expect(forPartnership.officials.map((o) => o.displayName)).toEqual(['Pat Penang', 'Tara Toronto']);
      // Toronto's coordinator is a requester of the partnership's request too
      expect((await get(w.torontoCoord, forPartnership.id).expect(200)).body.viewer.requester).toBe(true);
      const zoned = await createRequest(t, w, { timeZone: 'America/Vancouver' });
      expect(zoned.timeZone).toBe('America/Vancouver');
    });

    it('rate-limits creation per coordinator', async () => {
      await resetTrainingLimits(t, w.hanoiCoord);
      const body = requestBody(w, { cityId: w.hanoi.id, officialIds: [] });
      for (let i = 0; i < 10; i++) {
        await api().post('/api/training/requests').set(w.hanoiCoord.auth).send(body).expect(201);
      }
      const res = await api().post('/api/training/requests').set(w.hanoiCoord.auth).send(body).expect(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      await t.dataSource.query(`DELETE FROM training_requests WHERE city_id = $1`, [w.hanoi.id]);
    });
  });

  describe('offers, acceptance and visibility', () => {
    let req: TrainingRequestDto;
    let offer1: string;
    let offer2: string;
    let lisbonOffer: string;

    beforeAll(async () => {
      req = await createRequest(t, w, { title: 'Negotiation with landlords' });
    });

    it('shows open requests to facilitators and expert coordinators, not to others (404)', async () => {
      for (const u of [w.fac1, w.lisbonCoord, w.hanoiCoord, w.torontoOfficial, w.admin]) {
        await get(u, req.id).expect(200);
      }
      for (const u of [w.madridCoord, w.member, w.lisbonOfficial, w.penangCoord]) {
        const res = await get(u, req.id).expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect((await get(w.fac1, req.id)).body.viewer).toEqual({
        requester: false,
        canDecide: false,
        canOffer: true,
        trainer: false,
        canSchedule: false,
        canMarkAttendance: false,
        participant: false,
        canSeeResults: false,
      });
    });

    it('lets facilitators and expert-city coordinators offer; 403 for others; 400 naming bad trainers', async () => {
      offer1 = await makeOffer(t, req.id, w.fac1);
      offer2 = await makeOffer(t, req.id, w.fac2, { language: 'fr', format: 'in_person' });
      lisbonOffer = await makeOffer(t, req.id, w.lisbonCoord, {
        cityId: w.lisbon.id,
        trainerIds: [w.lisbonOfficial.id, w.lisbonCoord.id],
      });
      // an expert coordinator offers for their city only, not as a facilitator
      expect((await offer(w.lisbonCoord, req.id, offerBody(w.lisbonCoord))).status).toBe(403);
      expect((await offer(w.hanoiCoord, req.id, offerBody(w.hanoiCoord, { cityId: w.lisbon.id }))).status).toBe(403);
      // a named official sees the request but may not offer; the requesters may not answer themselves
      expect((await offer(w.torontoOfficial, req.id, offerBody(w.torontoOfficial))).status).toBe(403);
      expect((await offer(w.torontoCoord, req.id, offerBody(w.torontoCoord))).status).toBe(403);
      expect((await offer(w.member, req.id, offerBody(w.member))).status).toBe(404);
      const bad = await offer(w.fac1, req.id, offerBody(w.fac1, { trainerIds: [w.fac1.id, w.torontoOfficial.id] }));
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual({
        trainerIds: ['trainerIds: Tara Toronto is neither a facilitator nor an official of the offering city'],
      });
      const invalid = await offer(w.fac1, req.id, {
        approach: 'short',
        format: 'radio',
        proposedDates: ['2027-02-30'],
        trainerIds: [],
        language: 'xx',
      });
      expect(invalid.status).toBe(400);
      expect(Object.keys(invalid.body.fields).sort()).toEqual([
        'approach',
        'format',
        'language',
        'proposedDates',
        'trainerIds',
      ]);
    });

    it('shows requesters every offer and a trainer only their own', async () => {
      const forRequester = (await get(w.torontoCoord, req.id).expect(200)).body as TrainingRequestDto;
      expect(forRequester.offers.map((o) => o.id)).toEqual([offer1, offer2, lisbonOffer]);
      expect(forRequester.offerCount).toBe(3);
      const lisbon = forRequester.offers[2];
      expect(lisbon).toMatchObject({
        city: { id: w.lisbon.id, name: 'Lisbon' },
        createdBy: { id: w.lisbonCoord.id },
        status: 'pending',
        courseId: null,
        proposedDates: ['2027-03-10', '2027-03-17'],
      });
      expect(lisbon.trainers.map((x) => x.displayName)).toEqual(['Lia Lisbon', 'Luis Lisbon']);
      const forFac1 = (await get(w.fac1, req.id).expect(200)).body as TrainingRequestDto;
      expect(forFac1.offers.map((o) => o.id)).toEqual([offer1]);
      expect(forFac1.offerCount).toBe(1);
      // a trainer named on an offer sees the request and that offer
      const forTrainer = (await get(w.lisbonOfficial, req.id).expect(200)).body as TrainingRequestDto;
      expect(forTrainer.offers.map((o) => o.id)).toEqual([lisbonOffer]);
      expect((await get(w.hanoiCoord, req.id).expect(200)).body.offers).toEqual([]);
      expect((await get(w.admin, req.id).expect(200)).body.offers).toHaveLength(3);
    });

    it('lets only the requesters accept (403 for others who see it)', async () => {
      expect((await accept(w.fac2, req.id, offer2)).status).toBe(403);
      expect((await accept(w.torontoOfficial, req.id, offer2)).status).toBe(403);
      expect((await accept(w.member, req.id, offer2)).status).toBe(404);
      expect((await accept(w.torontoCoord, req.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('accepting one offer matches the request, declines the others and tells every trainer', async () => {
      const res = await accept(w.torontoCoord, req.id, offer2).expect(200);
      const body = res.body as TrainingRequestDto;
      expect(body.status).toBe('matched');
      expect(body.acceptedOfferId).toBe(offer2);
      expect(body.offers.map((o) => [o.id, o.status])).toEqual([
        [offer1, 'declined'],
        [offer2, 'accepted'],
        [lisbonOffer, 'declined'],
      ]);
      expect(body.offers.every((o) => o.decidedAt !== null)).toBe(true);
      expect(body.history.map((e) => [e.from, e.to, e.actor?.id])).toEqual([
        [null, 'open', w.torontoCoord.id],
        ['open', 'matched', w.torontoCoord.id],
      ]);
      const kinds = async (u: TestUser) =>
        (await notificationsOf(u))
          .filter((n) => n.kind.startsWith('training.'))
          .map((n) => [n.kind, (n.payload as { offerId: string }).offerId]);
      expect(await kinds(w.fac2)).toEqual([['training.offer_accepted', offer2]]);
      expect(await kinds(w.fac1)).toEqual([['training.offer_declined', offer1]]);
      expect(await kinds(w.lisbonCoord)).toEqual([['training.offer_declined', lisbonOffer]]);
      expect(await kinds(w.lisbonOfficial)).toEqual([['training.offer_declined', lisbonOffer]]);
      expect(await kinds(w.torontoCoord)).toEqual([]);
      const [declined] = (await notificationsOf(w.fac1)).filter((n) => n.kind === 'training.offer_declined');
      expect(declined.payload).toEqual({
        actor: { id: w.torontoCoord.id, displayName: 'Tom Toronto' },
        request: { id: req.id, title: 'Negotiation with landlords' },
        offerId: offer1,
      });
    });

    it('once matched, only the parties and admins see the request (404 for everyone else)', async () => {
      for (const u of [w.fac1, w.lisbonCoord, w.lisbonOfficial, w.hanoiCoord, w.member, w.penangCoord]) {
        await get(u, req.id).expect(404);
      }
      const forTrainer = (await get(w.fac2, req.id).expect(200)).body as TrainingRequestDto;
      expect(forTrainer.offers.map((o) => o.id)).toEqual([offer2]);
      expect((await get(w.torontoOfficial, req.id).expect(200)).body.offers).toEqual([]);
      expect((await get(w.admin, req.id).expect(200)).body.offers).toHaveLength(3);
      expect((await get(w.torontoCoord, req.id).expect(200)).body.viewer.canDecide).toBe(true);
      const board = async (u: TestUser) =>
        (
          (await api().get('/api/training/requests?limit=100').set(u.auth).expect(200)).body.items as { id: string }[]
        ).map((i) => i.id);
      expect(await board(w.fac1)).not.toContain(req.id);
      expect(await board(w.fac2)).toContain(req.id);
    });

    it('refuses every illegal move with 409 INVALID_STATE naming both states', async () => {
      const expectInvalid = (
        res: { status: number; body: { code: string; message: string } },
        from: string,
        to: string,
      ) => {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_STATE');
        expect(res.body.message).toContain(`from ${from} to ${to}`);
      };
      expectInvalid(await accept(w.torontoCoord, req.id, offer1), 'matched', 'matched');
      const late = await offer(w.fac2, req.id, offerBody(w.fac2));
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('INVALID_STATE');
      // matched → withdrawn is legal, then nothing moves a withdrawn request
      const withdrawn = (await withdraw(w.torontoCoord, req.id, 'Budget cut').expect(200)).body as TrainingRequestDto;
      expect(withdrawn.status).toBe('withdrawn');
      expect(withdrawn.history[2]).toMatchObject({ from: 'matched', to: 'withdrawn', note: 'Budget cut' });
      expectInvalid(await withdraw(w.torontoCoord, req.id), 'withdrawn', 'withdrawn');
      expectInvalid(await accept(w.torontoCoord, req.id, offer2), 'withdrawn', 'matched');
      // the later states belong to scheduling and evaluation: no withdrawing or accepting from them
      for (const status of ['scheduled', 'delivered', 'evaluated']) {
        await t.dataSource.query(
          `UPDATE training_requests SET status = $2, delivery_ends_at = now(), delivered_at = now() WHERE id = $1`,
          [req.id, status],
        );
        expectInvalid(await withdraw(w.torontoCoord, req.id), status, 'withdrawn');
        expectInvalid(await accept(w.torontoCoord, req.id, offer2), status, 'matched');
      }
    });

    it('accepts exactly one of two offers accepted at the same time', async () => {
      const race = await createRequest(t, w, { title: 'Two requesters, one training' });
      const a = await makeOffer(t, race.id, w.fac1);
      const b = await makeOffer(t, race.id, w.fac2);
      const both = await Promise.all([accept(w.torontoCoord, race.id, a), accept(w.admin, race.id, b)]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      const [row] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE status = 'declined')::int AS declined
           FROM training_offers WHERE request_id = $1`,
        [race.id],
      );
      expect(row).toEqual({ accepted: 1, declined: 1 });
    });

    it('withdraws an open request (requesters only) and keeps its offers', async () => {
      const open = await createRequest(t, w, { title: 'Leadership for new managers', skills: ['leadership'] });
      await makeOffer(t, open.id, w.fac1);
      expect((await withdraw(w.fac1, open.id)).status).toBe(403);
      expect((await withdraw(w.torontoOfficial, open.id)).status).toBe(403);
      const done = (await withdraw(w.torontoCoord, open.id).expect(200)).body as TrainingRequestDto;
      expect(done.status).toBe('withdrawn');
      expect(done.history.map((e) => [e.from, e.to])).toEqual([
        [null, 'open'],
        ['open', 'withdrawn'],
      ]);
      expect(done.offers).toHaveLength(1);
      expect(done.viewer.canDecide).toBe(false);
      // withdrawn: no longer on the facilitators' board
      await get(w.fac2, open.id).expect(404);
    });
  });

  describe('the board', () => {
    it('lists visible requests newest first, filters by status, in a constant number of queries', async () => {
      const list = (u: TestUser, q = '') => api().get(`/api/training/requests?limit=2${q}`).set(u.auth).expect(200);
      const first = (await list(w.torontoCoord)).body;
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await list(w.torontoCoord, `&cursor=${first.nextCursor}`)).body;
      expect(second.items[0].id).not.toBe(first.items[1].id);
      const open = (await api().get('/api/training/requests?status=open&limit=100').set(w.fac1.auth).expect(200)).body;
      expect(open.items.every((i: { status: string }) => i.status === 'open')).toBe(true);
      await api().get('/api/training/requests?status=lost').set(w.fac1.auth).expect(400);

      const measure = async () =>
        (await t.queries.measure(() => api().get('/api/training/requests?limit=50').set(w.admin.auth).expect(200)))
          .queries;
      const before = await measure();
      for (let i = 0; i < 4; i++) {
        const r = await createRequest(t, w, { title: `Extra ${i}` });
        await makeOffer(t, r.id, w.fac1);
      }
      expect(await measure()).toBe(before);
      const detail = await t.queries.measure(() => get(w.torontoCoord, first.items[0].id).expect(200));
      expect(detail.queries).toBeLessThanOrEqual(6);
    });
  });

  describe('city training expertise', () => {
    it('is edited with the city profile and validated', async () => {
      const patch = (body: object, by: TestUser = w.madridCoord) =>
        api().patch(`/api/cities/${w.madrid.id}`).set(by.auth).send(body);
      const bad = await patch({ trainingSkills: ['juggling'] }).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['trainingSkills']);
      await patch({ trainingSkills: ['mediation'] }, w.member).expect(403);
      const res = await patch({ trainingSkills: ['mediation', 'migrant_data'] }).expect(200);
      expect(res.body.trainingSkills).toEqual(['mediation', 'migrant_data']);
      // Madrid now declares expertise: its coordinator sees open requests and may offer for it
      const req = await createRequest(t, w, { title: 'Data on migrants' });
      await get(w.madridCoord, req.id).expect(200);
      await makeOffer(t, req.id, w.madridCoord, { cityId: w.madrid.id });
      await patch({ trainingSkills: [] }).expect(200);
    });
  });
});
