import type { MyTrainingOfferDto, Page } from '@twinning/contracts';
import type { TestUser } from './support/factories';
import { createRequest, createTrainingWorld, http, makeOffer, type TrainingWorld } from './support/training';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** `GET /api/training/offers/mine`: a trainer's dashboard lists their own offers, and only theirs. */
describe('training: my offers', () => {
  let t: TestApp;
  let w: TrainingWorld;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createTrainingWorld(t);
  });
  afterAll(() => t.close());

  const mine = async (user: TestUser, query: Record<string, string | number> = {}) => {
    const res = await http(t).get('/api/training/offers/mine').query(query).set(user.auth);
    expect(res.status).toBe(200);
    return res.body as Page<MyTrainingOfferDto>;
  };

  it('lists the offers a trainer made or trains in, newest first, with their requests, page by page', async () => {
    const first = await createRequest(t, w, { title: 'Mediation basics' });
    const second = await createRequest(t, w, { title: 'Negotiation for leaders' });
    const third = await createRequest(t, w, { title: 'Data on migrants' });
    const a = await makeOffer(t, first.id, w.fac1);
    const b = await makeOffer(t, second.id, w.fac1);
    const other = await makeOffer(t, second.id, w.fac2);
    // Lisbon's coordinator offers for the city, naming Lisbon's official as trainer
    const lisbon = await makeOffer(t, third.id, w.lisbonCoord, {
      cityId: w.lisbon.id,
      trainerIds: [w.lisbonOfficial.id],
    });

    const page = await mine(w.fac1);
    expect(page.items.map((o) => [o.id, o.request.title, o.status])).toEqual([
      [b, 'Negotiation for leaders', 'pending'],
      [a, 'Mediation basics', 'pending'],
    ]);
    expect(page.items[0]).toMatchObject({
      city: null,
      format: 'live_online',
      language: 'en',
      proposedDates: ['2027-03-10', '2027-03-17'],
      trainers: [{ id: w.fac1.id, displayName: w.fac1.displayName }],
      decidedAt: null,
      request: {
        id: second.id,
        status: 'open',
        visible: true,
        requester: { kind: 'city', city: { id: w.toronto.id, slug: w.toronto.slug, name: 'Toronto' } },
      },
    });
    expect(page.nextCursor).toBeNull();

    // the trainer named in an expert city's offer sees it, and so does the coordinator who made it
    expect((await mine(w.lisbonOfficial)).items.map((o) => [o.id, o.city?.id])).toEqual([[lisbon, w.lisbon.id]]);
    expect((await mine(w.lisbonCoord)).items.map((o) => o.id)).toEqual([lisbon]);
    // nobody sees anyone else's offers; people without offers get an empty list (not 403)
    expect((await mine(w.fac2)).items.map((o) => o.id)).toEqual([other]);
    expect((await mine(w.member)).items).toEqual([]);
    expect((await mine(w.admin)).items).toEqual([]);

    // one page at a time
    const one = await mine(w.fac1, { limit: 1 });
    expect(one.items.map((o) => o.id)).toEqual([b]);
    const rest = await mine(w.fac1, { limit: 1, cursor: one.nextCursor ?? '' });
    expect([rest.items.map((o) => o.id), rest.nextCursor]).toEqual([[a], null]);

    // the same statements whatever the page holds: the session's, then one for the page
    const empty = await t.queries.measure(() => mine(w.member));
    const full = await t.queries.measure(() => mine(w.fac1));
    expect(full.queries).toBe(empty.queries);
    expect(full.queries).toBeLessThanOrEqual(2);
  });

  it('says when a request went to another trainer and can no longer be opened', async () => {
    const request = await createRequest(t, w, { title: 'Leadership in city hall' });
    const mineOffer = await makeOffer(t, request.id, w.fac1);
    const theirs = await makeOffer(t, request.id, w.fac2);
    await http(t)
      .post(`/api/training/requests/${request.id}/offers/${theirs}/accept`)
      .set(w.torontoCoord.auth)
      .expect(200);

    const declined = (await mine(w.fac1)).items.find((o) => o.id === mineOffer);
    expect(declined).toMatchObject({ status: 'declined', request: { status: 'matched', visible: false } });
    expect(declined?.decidedAt).not.toBeNull();
    await http(t).get(`/api/training/requests/${request.id}`).set(w.fac1.auth).expect(404);
    const accepted = (await mine(w.fac2)).items.find((o) => o.id === theirs);
    expect(accepted).toMatchObject({ status: 'accepted', request: { status: 'matched', visible: true } });
  });

  it('refuses a bad cursor or limit naming the field, and strangers without a session', async () => {
    const bad = await http(t).get('/api/training/offers/mine').query({ cursor: 'nope', limit: 0 }).set(w.fac1.auth);
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['limit']]);
    const badCursor = await http(t).get('/api/training/offers/mine').query({ cursor: 'nope' }).set(w.fac1.auth);
    expect([badCursor.status, Object.keys(badCursor.body.fields)]).toEqual([400, ['cursor']]);
    await http(t).get('/api/training/offers/mine').expect(401);
  });
});
