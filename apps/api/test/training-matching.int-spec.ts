import { TRAINING_MATCH_WEIGHTS, type TrainingMatchDto, type TrainingMatchesDto } from '@twinning/contracts';
import { createCity, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createRequest, createTrainingWorld, http, makeOffer, type TrainingWorld } from './support/training';

describe('training matching', () => {
  let t: TestApp;
  let w: TrainingWorld;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createTrainingWorld(t);
    // Fay facilitates an integration workshop: her themes come from the workshops she runs
    const [workshop] = await t.dataSource.query(
      `INSERT INTO workshops (title, theme, language, scope, starts_at, ends_at)
       VALUES ('Welcoming newcomers', 'integration', 'en', 'public', now(), now() + interval '1 hour') RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)`, [
      workshop.id,
      w.fac1.id,
    ]);
  });
  afterAll(() => t.close());

  const matches = (user: TestUser, id: string) => http(t).get(`/api/training/requests/${id}/matches`).set(user.auth);
  const nameOf = (m: TrainingMatchDto) => m.user?.displayName ?? m.city?.name;
  const ranking = (body: TrainingMatchesDto) => body.items.map((m) => [nameOf(m), m.score]);

  it('ranks facilitators and expert cities with the points and reasons that make up each score', async () => {
    const req = await createRequest(t, w);
    const body = (await matches(w.torontoCoord, req.id).expect(200)).body as TrainingMatchesDto;
    expect(body.weights).toEqual(TRAINING_MATCH_WEIGHTS);
    // Madrid declares no expertise and Toronto is the requester: neither is a candidate
    expect(ranking(body)).toEqual([
      ['Lisbon', 54],
      ['Fay Facilitator', 30],
      ['Hanoi', 15],
      ['Fred Facilitator', 0],
    ]);
    const [lisbon, fay, hanoi, fred] = body.items;
    expect(lisbon).toMatchObject({
      kind: 'city',
      user: null,
      city: { id: w.lisbon.id, immigrationProfile: 'traditional' },
      breakdown: { skills: 30, themes: 5, language: 15, timeZone: 4, profile: 0, evaluation: 0 },
      reasons: {
        sharedSkills: ['mediation', 'negotiation'],
        sharedThemes: ['integration'],
        commonLanguages: ['en'],
        // Lisbon is UTC+0 and Toronto UTC−5 on 1 March: three working hours in common
        timeZone: { requester: 'America/Toronto', candidate: 'Europe/Lisbon', overlapHours: 3 },
        profiles: { requester: ['traditional'], candidate: 'traditional', complementary: false },
        evaluations: { answers: 0, average: null },
      },
    });
    expect(fay).toMatchObject({
      kind: 'facilitator',
      user: { id: w.fac1.id, displayName: 'Fay Facilitator' },
      city: null,
      breakdown: { skills: 0, themes: 5, language: 15, timeZone: 10, profile: 0, evaluation: 0 },
      reasons: {
        sharedSkills: [],
        sharedThemes: ['integration'],
        timeZone: { candidate: 'America/New_York', overlapHours: 8 },
        profiles: null,
      },
    });
    expect(hanoi.breakdown).toEqual({ skills: 0, themes: 5, language: 0, timeZone: 0, profile: 10, evaluation: 0 });
    expect(hanoi.reasons.profiles).toEqual({ requester: ['traditional'], candidate: 'emerging', complementary: true });
    expect(fred.reasons.timeZone).toEqual({ requester: 'America/Toronto', candidate: 'Asia/Tokyo', overlapHours: 0 });
    for (const item of body.items) {
      expect(Object.values(item.breakdown).reduce((a, b) => a + b, 0)).toBe(item.score);
    }
  });

  it('leaves the time zone out for self-paced requests and counts both profiles of a partnership', async () => {
    const selfPaced = await createRequest(t, w, { format: 'self_paced' });
    const body = (await matches(w.torontoCoord, selfPaced.id).expect(200)).body as TrainingMatchesDto;
    expect(ranking(body)).toEqual([
      ['Lisbon', 50],
      ['Fay Facilitator', 20],
      ['Hanoi', 15],
      ['Fred Facilitator', 0],
    ]);
    expect(body.items.every((m) => m.reasons.timeZone === null && m.breakdown.timeZone === 0)).toBe(true);

    const forPartnership = await createRequest(t, w, {
      cityId: undefined,
      partnershipId: w.partnershipId,
      format: 'self_paced',
    });
    const both = (await matches(w.penangCoord, forPartnership.id).expect(200)).body as TrainingMatchesDto;
    const lisbon = both.items.find((m) => m.city?.id === w.lisbon.id);
    expect(lisbon?.reasons.profiles).toEqual({
      requester: expect.arrayContaining(['traditional', 'emerging']),
      candidate: 'traditional',
      complementary: true,
    });
    expect(lisbon?.breakdown.profile).toBe(TRAINING_MATCH_WEIGHTS.complementaryProfile);
  });

  it("counts a facilitator's skills from the trainings they were accepted for", async () => {
    const earlier = await createRequest(t, w, { title: 'Mediation basics', skills: ['mediation'] });
    const offerId = await makeOffer(t, earlier.id, w.fac2);
    await http(t)
      .post(`/api/training/requests/${earlier.id}/offers/${offerId}/accept`)
      .set(w.torontoCoord.auth)
      .expect(200);
    const req = await createRequest(t, w);
    const body = (await matches(w.torontoCoord, req.id).expect(200)).body as TrainingMatchesDto;
    const fred = body.items.find((m) => m.user?.id === w.fac2.id);
    expect(fred?.reasons.sharedSkills).toEqual(['mediation']);
    expect(fred?.breakdown.skills).toBe(TRAINING_MATCH_WEIGHTS.sharedSkill);
  });

  it('shows the ranking to requesters and admins only (403 for others who see the request, 404 for outsiders)', async () => {
    const req = await createRequest(t, w);
    await matches(w.admin, req.id).expect(200);
    expect((await matches(w.fac1, req.id).expect(403)).body.code).toBe('FORBIDDEN');
    await matches(w.lisbonCoord, req.id).expect(403);
    await matches(w.member, req.id).expect(404);
  });

  it('costs the same number of queries however many candidates there are', async () => {
    const req = await createRequest(t, w);
    const measure = async () => (await t.queries.measure(() => matches(w.torontoCoord, req.id).expect(200))).queries;
    const before = await measure();
    // the signed-in user, the request, the facilitators, the expert cities
    expect(before).toBeLessThanOrEqual(4);
    for (let i = 0; i < 5; i++) {
      const f = await createUser(t, { displayName: `Extra facilitator ${i}`, roles: ['facilitator'] });
      await t.dataSource.query(`UPDATE users SET work_languages = '{en}' WHERE id = $1`, [f.id]);
      const c = await createCity(t.dataSource, {
        name: `Expert city ${i}`,
        countryCode: 'FR',
        timeZone: 'Europe/Paris',
      });
      await t.dataSource.query(`UPDATE cities SET training_skills = '{mediation}' WHERE id = $1`, [c.id]);
    }
    expect(await measure()).toBe(before);
    const body = (await matches(w.torontoCoord, req.id).expect(200)).body as TrainingMatchesDto;
    expect(body.items).toHaveLength(14);
  });
});
