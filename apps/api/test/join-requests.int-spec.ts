import request from 'supertest';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { addMember, createCity, createUser, type TestUser } from './support/factories';

describe('joining a city as an official', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let toronto: { id: string };
  let penang: { id: string };
  let coordinator: TestUser;
  let official: TestUser;
  let otherCoordinator: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    toronto = await createCity(t.dataSource, { name: 'Toronto' });
    penang = await createCity(t.dataSource, {
      name: 'Penang',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    coordinator = await createUser(t, { displayName: 'Toronto Coordinator' });
    official = await createUser(t, { displayName: 'Toronto Official' });
    otherCoordinator = await createUser(t, { displayName: 'Penang Coordinator' });
    admin = await createUser(t, { roles: ['admin'] });
    await addMember(t.dataSource, toronto.id, coordinator.id, 'coordinator');
    await addMember(t.dataSource, toronto.id, official.id, 'official');
    await addMember(t.dataSource, penang.id, otherCoordinator.id, 'coordinator');
  });
  afterAll(() => t.close());

  const snapshot = () => t.dataSource.query(`SELECT id, status, role, decided_by FROM city_memberships ORDER BY id`);

  it('a user asks to join; the city’s coordinator approves; the user becomes an official', async () => {
    const applicant = await createUser(t, { displayName: 'Ana Applicant' });
    await http().post(`/api/cities/${toronto.id}/join-requests`).send({}).expect(401);
    const created = await http()
      .post(`/api/cities/${toronto.id}/join-requests`)
      .set(applicant.auth)
      .send({ message: 'Settlement policy lead' })
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      message: 'Settlement policy lead',
      user: { id: applicant.id },
    });

    // the city's coordinators are told a request waits; nobody else is
    const waiting = (u: TestUser) =>
      t.dataSource.query(`SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'join_request.created'`, [
        u.id,
      ]);
    expect(await waiting(coordinator)).toEqual([
      {
        payload: {
          actor: { id: applicant.id, displayName: 'Ana Applicant' },
          city: { id: toronto.id, slug: expect.any(String), name: 'Toronto' },
          requestId: created.body.id,
          message: 'Settlement policy lead',
        },
      },
    ]);
    expect(await waiting(official)).toEqual([]);
    expect(await waiting(otherCoordinator)).toEqual([]);

    const dup = await http().post(`/api/cities/${toronto.id}/join-requests`).set(applicant.auth).send({}).expect(409);
    expect(dup.body.code).toBe('REQUEST_PENDING');

    const mine = await http().get('/api/me/join-requests').set(applicant.auth).expect(200);
    expect(mine.body.map((r: { status: string }) => r.status)).toEqual(['pending']);

    const queue = await http().get('/api/join-requests').set(coordinator.auth).expect(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);

    const decided = await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(coordinator.auth)
      .send({ decision: 'approve' })
      .expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: { id: coordinator.id } });
    const notified = await http().get('/api/notifications').set(applicant.auth).expect(200);
    expect(notified.body.items).toEqual([
      expect.objectContaining({
        kind: 'join_request.decided',
        readAt: null,
        payload: {
          actor: { id: coordinator.id, displayName: 'Toronto Coordinator' },
          city: { id: toronto.id, slug: expect.any(String), name: 'Toronto' },
          decision: 'approved',
        },
      }),
    ]);

    const me = await http().get('/api/me').set(applicant.auth).expect(200);
    expect(me.body.cities).toEqual([
      { cityId: toronto.id, citySlug: expect.any(String), cityName: 'Toronto', role: 'official' },
    ]);
    const again = await http().post(`/api/cities/${toronto.id}/join-requests`).set(applicant.auth).send({}).expect(409);
    expect(again.body.code).toBe('ALREADY_MEMBER');
    const twice = await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(coordinator.auth)
      .send({ decision: 'reject' })
      .expect(409);
    expect(twice.body.code).toBe('INVALID_STATE');
  });

  it('hides a request from outsiders (404), refuses officials without the role (403), and changes nothing', async () => {
    const applicant = await createUser(t);
    const created = await http()
      .post(`/api/cities/${toronto.id}/join-requests`)
      .set(applicant.auth)
      .send({})
      .expect(201);
    const before = await snapshot();

    const outsider = await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(otherCoordinator.auth)
      .send({ decision: 'approve' })
      .expect(404);
    expect(outsider.body.code).toBe('NOT_FOUND');
    const stranger = await createUser(t);
    await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(stranger.auth)
      .send({ decision: 'approve' })
      .expect(404);
    const self = await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(applicant.auth)
      .send({ decision: 'approve' });
    expect([403, 404]).toContain(self.status);
    const sameCity = await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(official.auth)
      .send({ decision: 'approve' })
      .expect(403);
    expect(sameCity.body.code).toBe('FORBIDDEN');
    await http().post(`/api/join-requests/${created.body.id}/decision`).send({ decision: 'approve' }).expect(401);
    await http()
      .post(`/api/join-requests/${created.body.id}/decision`)
      .set(coordinator.auth)
      .send({ decision: 'maybe' })
      .expect(400);

    expect(await snapshot()).toEqual(before);
    const otherQueue = await http().get('/api/join-requests').set(otherCoordinator.auth).expect(200);
    expect(otherQueue.body.items).toEqual([]);
    const memberQueue = await http().get('/api/join-requests').set(official.auth).expect(200);
    expect(memberQueue.body.items).toEqual([]);
    const adminQueue = await http().get('/api/join-requests').set(admin.auth).expect(200);
    expect(adminQueue.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
  });

  it('a rejected user may ask again', async () => {
    const applicant = await createUser(t);
    const first = await http().post(`/api/cities/${penang.id}/join-requests`).set(applicant.auth).send({}).expect(201);
    await http()
      .post(`/api/join-requests/${first.body.id}/decision`)
      .set(otherCoordinator.auth)
      .send({ decision: 'reject' })
      .expect(200);
    const second = await http()
      .post(`/api/cities/${penang.id}/join-requests`)
      .set(applicant.auth)
      .send({ message: 'Now with my mandate letter' })
      .expect(201);
    expect(second.body).toMatchObject({ status: 'pending', message: 'Now with my mandate letter', decidedBy: null });
  });

  it('joining an unknown city is a 404', async () => {
    const user = await createUser(t);
    await http()
      .post('/api/cities/00000000-0000-4000-8000-000000000000/join-requests')
      .set(user.auth)
      .send({})
      .expect(404);
  });

  it('admins appoint a city’s first coordinator; coordinators promote officials but cannot demote coordinators', async () => {
    const city = await createCity(t.dataSource, { name: 'Bangkok' });
    const first = await createUser(t);
    const candidate = await createUser(t);
    await http()
      .put(`/api/cities/${city.id}/officials/${first.id}/role`)
      .set(coordinator.auth)
      .send({ role: 'coordinator' })
      .expect(403);
    await http()
      .put(`/api/cities/${city.id}/officials/${first.id}/role`)
      .set(admin.auth)
      .send({ role: 'coordinator' })
      .expect(204);
    const page = await http().get(`/api/cities/${city.id}`).set(first.auth).expect(200);
    expect(page.body.viewer).toMatchObject({ role: 'coordinator', canReviewRequests: true });

    const req = await http().post(`/api/cities/${city.id}/join-requests`).set(candidate.auth).send({}).expect(201);
    await http()
      .post(`/api/join-requests/${req.body.id}/decision`)
      .set(first.auth)
      .send({ decision: 'approve' })
      .expect(200);
    await http()
      .put(`/api/cities/${city.id}/officials/${candidate.id}/role`)
      .set(first.auth)
      .send({ role: 'coordinator' })
      .expect(204);
    const demote = await http()
      .put(`/api/cities/${city.id}/officials/${candidate.id}/role`)
      .set(first.auth)
      .send({ role: 'official' })
      .expect(403);
    expect(demote.body.code).toBe('FORBIDDEN');
    await http()
      .put(`/api/cities/${city.id}/officials/${candidate.id}/role`)
      .set(admin.auth)
      .send({ role: 'official' })
      .expect(204);
    const stranger = await createUser(t);
    await http()
      .put(`/api/cities/${city.id}/officials/${stranger.id}/role`)
      .set(first.auth)
      .send({ role: 'coordinator' })
      .expect(404);
  });

  it('admins grant the facilitator role; the platform keeps at least one admin', async () => {
    const user = await createUser(t);
    await http()
      .put(`/api/admin/users/${user.id}/role`)
      .set(coordinator.auth)
      .send({ roles: ['facilitator'] })
      .expect(403);
    const res = await http()
      .put(`/api/admin/users/${user.id}/role`)
      .set(admin.auth)
      .send({ roles: ['facilitator'] })
      .expect(200);
    expect(res.body.roles).toEqual(['facilitator']);
    const list = await http().get('/api/admin/users').query({ q: user.email }).set(admin.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: user.id, roles: ['facilitator'] })]);
    await t.dataSource.query(`UPDATE users SET roles = '{}' WHERE 'admin' = ANY(roles) AND id <> $1`, [admin.id]);
    const last = await http().put(`/api/admin/users/${admin.id}/role`).set(admin.auth).send({ roles: [] }).expect(409);
    expect(last.body.code).toBe('INVALID_STATE');
  });
});
