import request from 'supertest';
import type { CitySummaryDto, Page } from '@twinning/contracts';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { addMember, createCity, createUser, type TestUser } from './support/factories';

describe('city directory', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    await createCity(t.dataSource, {
      name: 'Toronto',
      slug: 'toronto',
      region: 'north_america',
      immigrationProfile: 'traditional',
      themes: ['integration', 'employment'],
      description: 'Newcomer strategy and settlement services.',
    });
    await createCity(t.dataSource, {
      name: 'Rotterdam',
      slug: 'rotterdam',
      region: 'western_europe',
      immigrationProfile: 'traditional',
      themes: ['employment', 'education'],
      description: 'Language courses combined with work placements.',
    });
    await createCity(t.dataSource, {
      name: 'Da Nang',
      slug: 'da-nang',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      themes: ['transportation', 'education'],
      description: 'Urban transport and schooling.',
    });
    await createCity(t.dataSource, {
      name: 'George Town (Penang)',
      slug: 'george-town',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      themes: ['health', 'employment'],
      description: 'Migrant workers in electronics.',
    });
    await createCity(t.dataSource, {
      name: 'Lisbon',
      slug: 'lisbon',
      region: 'western_europe',
      immigrationProfile: 'emerging',
      themes: ['health', 'integration'],
      description: 'One-stop reception centres.',
    });
  });
  afterAll(() => t.close());

  const names = (page: Page<CitySummaryDto>) => page.items.map((c) => c.name);

  it('lists cities by name, publicly', async () => {
    const res = await http().get('/api/cities').expect(200);
    expect(names(res.body)).toEqual(['Da Nang', 'George Town (Penang)', 'Lisbon', 'Rotterdam', 'Toronto']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      slug: 'da-nang',
      name: 'Da Nang',
      countryCode: 'CA',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      population: 100000,
      themes: ['transportation', 'education'],
    });
  });

  it.each([
    ['region=south_east_asia', ['Da Nang', 'George Town (Penang)']],
    ['profile=traditional', ['Rotterdam', 'Toronto']],
    ['theme=employment', ['George Town (Penang)', 'Rotterdam', 'Toronto']],
    ['region=western_europe&profile=emerging', ['Lisbon']],
    ['q=penang', ['George Town (Penang)']],
    ['q=placements', ['Rotterdam']],
    ['q=%25', []],
    ['theme=health&region=north_america', []],
  ])('filters with %s', async (query, expected) => {
    const res = await http().get(`/api/cities?${query}`).expect(200);
    expect(names(res.body)).toEqual(expected);
  });

  it('walks every page with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await http()
        .get('/api/cities')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Da Nang', 'George Town (Penang)', 'Lisbon', 'Rotterdam', 'Toronto']);
  });

  it('refuses bad filters and a forged cursor with the field named', async () => {
    const res = await http().get('/api/cities?region=atlantis&theme=magic&limit=0').expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['limit', 'region', 'theme']);
    const cursor = await http().get('/api/cities?cursor=not-a-cursor').expect(400);
    expect(cursor.body.fields).toHaveProperty('cursor');
    const unknown = await http().get('/api/cities?sort=population').expect(400);
    expect(unknown.body.fields).toHaveProperty('sort');
  });

  it('answers a list with one query whatever the page size', async () => {
    for (let i = 0; i < 30; i++) await createCity(t.dataSource, { name: `Zz Extra ${i}` });
    const small = await t.queries.measure(() => http().get('/api/cities?limit=2').expect(200));
    const large = await t.queries.measure(() => http().get('/api/cities?limit=30').expect(200));
    expect(large.result.body.items).toHaveLength(30);
    expect(small.queries).toBe(1);
    expect(large.queries).toBe(small.queries);
  });

  it('shows a city page with its officials and what the viewer may do', async () => {
    const city = await createCity(t.dataSource, { name: 'Montréal', slug: 'montreal' });
    const coordinator = await createUser(t, { displayName: 'Claire Coordinator' });
    const official = await createUser(t, { displayName: 'Omar Official' });
    const pending = await createUser(t, { displayName: 'Pat Pending' });
    await addMember(t.dataSource, city.id, coordinator.id, 'coordinator');
    await addMember(t.dataSource, city.id, official.id, 'official');
    await addMember(t.dataSource, city.id, pending.id, 'official', 'pending');

    const anon = await http().get('/api/cities/montreal').expect(200);
    expect(
      anon.body.officials.map((o: { user: { displayName: string }; role: string }) => [o.user.displayName, o.role]),
    ).toEqual([
      ['Claire Coordinator', 'coordinator'],
      ['Omar Official', 'official'],
    ]);
    expect(anon.body.viewer).toEqual({ role: null, joinRequest: null, canEdit: false, canReviewRequests: false });
    expect(JSON.stringify(anon.body)).not.toContain('@example.test');

    const asCoordinator = await http().get(`/api/cities/${city.id}`).set(coordinator.auth).expect(200);
    expect(asCoordinator.body.viewer).toEqual({
      role: 'coordinator',
      joinRequest: 'approved',
      canEdit: true,
      canReviewRequests: true,
    });
    const asPending = await http().get('/api/cities/montreal').set(pending.auth).expect(200);
    expect(asPending.body.viewer).toMatchObject({ role: null, joinRequest: 'pending', canEdit: false });
    await http().get('/api/cities/nowhere').expect(404);
  });

  describe('creating and editing', () => {
    let admin: TestUser;
    let member: TestUser;
    const body = {
      name: 'Kuala Lumpur',
      countryCode: 'my',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      population: 1982112,
      languages: ['ms', 'en', 'zh-Hans'],
      timeZone: 'Asia/Kuala_Lumpur',
      themes: ['integration', 'human_security'],
      description: 'Community learning centres.',
    };
    beforeAll(async () => {
      admin = await createUser(t, { roles: ['admin'] });
      member = await createUser(t);
    });

    it('lets admins create a city with a slug; members get 403, anonymous 401', async () => {
      await http().post('/api/cities').send(body).expect(401);
      const denied = await http().post('/api/cities').set(member.auth).send(body).expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      const created = await http().post('/api/cities').set(admin.auth).send(body).expect(201);
      expect(created.body).toMatchObject({
        slug: 'kuala-lumpur',
        countryCode: 'MY',
        themes: ['integration', 'human_security'],
      });
      const again = await http().post('/api/cities').set(admin.auth).send(body).expect(201);
      expect(again.body.slug).toBe('kuala-lumpur-my');
    });

    it('validates every field of a city', async () => {
      const res = await http()
        .post('/api/cities')
        .set(admin.auth)
        .send({
          ...body,
          countryCode: 'XX',
          region: 'mars',
          population: -3,
          languages: ['not a tag'],
          timeZone: 'Here',
          themes: ['cooking'],
        })
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual([
        'countryCode',
        'languages',
        'population',
        'region',
        'themes',
        'timeZone',
      ]);
    });

    it('lets the city’s coordinator edit it, not its officials or outsiders', async () => {
      const city = await createCity(t.dataSource, { name: 'Houston' });
      const coordinator = await createUser(t);
      const official = await createUser(t);
      await addMember(t.dataSource, city.id, coordinator.id, 'coordinator');
      await addMember(t.dataSource, city.id, official.id, 'official');
      await http().patch(`/api/cities/${city.id}`).set(official.auth).send({ description: 'x' }).expect(403);
      await http().patch(`/api/cities/${city.id}`).set(member.auth).send({ description: 'x' }).expect(403);
      const ok = await http()
        .patch(`/api/cities/${city.id}`)
        .set(coordinator.auth)
        .send({ description: 'Refugee resettlement and workforce training.', themes: ['employment'] })
        .expect(200);
      expect(ok.body).toMatchObject({
        description: 'Refugee resettlement and workforce training.',
        themes: ['employment'],
        name: 'Houston',
      });
      await http()
        .patch('/api/cities/00000000-0000-4000-8000-000000000000')
        .set(admin.auth)
        .send({ description: 'x' })
        .expect(404);
      await http().patch('/api/cities/not-a-uuid').set(admin.auth).send({ description: 'x' }).expect(404);
    });
  });
});
