import { Namespaces, type NotificationDto, type PartnershipDetailDto } from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMember, createCity, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

describe('partnerships', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let toronto: { id: string; name: string };
  let penang: { id: string; name: string };
  let daNang: { id: string; name: string };
  let lisbon: { id: string; name: string };
  let torontoOfficial: TestUser;
  let torontoCoordinator: TestUser;
  let penangCoordinator: TestUser;
  let penangOfficial: TestUser;
  let daNangCoordinator: TestUser;
  let lisbonOfficial: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
    toronto = await createCity(t.dataSource, {
      name: 'Toronto',
      themes: ['integration', 'employment', 'health'],
    });
    penang = await createCity(t.dataSource, {
      name: 'Penang',
      countryCode: 'MY',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      themes: ['employment', 'health', 'education'],
    });
    daNang = await createCity(t.dataSource, {
      name: 'Da Nang',
      countryCode: 'VN',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      themes: ['transportation'],
    });
    lisbon = await createCity(t.dataSource, {
      name: 'Lisbon',
      countryCode: 'PT',
      region: 'western_europe',
      immigrationProfile: 'traditional',
      themes: ['integration'],
    });
    torontoOfficial = await createUser(t, { displayName: 'Tara Official' });
    torontoCoordinator = await createUser(t, { displayName: 'Tom Coordinator' });
    penangCoordinator = await createUser(t, { displayName: 'Pia Coordinator' });
    penangOfficial = await createUser(t, { displayName: 'Pat Official' });
    daNangCoordinator = await createUser(t, { displayName: 'Dung Coordinator' });
    lisbonOfficial = await createUser(t, { displayName: 'Luis Official' });
    admin = await createUser(t, { roles: ['admin'], displayName: 'Ada Admin' });
    await addMember(t.dataSource, toronto.id, torontoOfficial.id, 'official');
    await addMember(t.dataSource, toronto.id, torontoCoordinator.id, 'coordinator');
    await addMember(t.dataSource, penang.id, penangCoordinator.id, 'coordinator');
    await addMember(t.dataSource, penang.id, penangOfficial.id, 'official');
    await addMember(t.dataSource, daNang.id, daNangCoordinator.id, 'coordinator');
    await addMember(t.dataSource, lisbon.id, lisbonOfficial.id, 'official');
  });
  afterAll(() => t.close());

  const propose = (by: TestUser, from: { id: string }, to: { id: string }, extra: object = {}) =>
    http()
      .post('/api/partnerships')
      .set(by.auth)
      .send({
        fromCityId: from.id,
        toCityId: to.id,
        themes: ['employment'],
        goals: 'Share job-matching practice',
        message: 'Shall we?',
        ...extra,
      });

  const notificationsOf = async (u: TestUser): Promise<NotificationDto[]> =>
    (await http().get('/api/notifications').set(u.auth).expect(200)).body.items;

  it('refuses bad proposals with a clear error naming the field', async () => {
    const bad = await http()
      .post('/api/partnerships')
      .set(torontoOfficial.auth)
      .send({ fromCityId: toronto.id, toCityId: 'nope', themes: ['cooking'], goals: '' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.fields).sort()).toEqual(['goals', 'themes', 'toCityId']);

    const self = await propose(torontoOfficial, toronto, toronto).expect(400);
    expect(self.body.fields).toHaveProperty('toCityId');

    // only officials of the proposing city may speak for it
    const foreign = await propose(lisbonOfficial, toronto, penang).expect(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    await propose(torontoOfficial, toronto, penang).unset('Authorization').expect(401);
  });

  it('runs the whole lifecycle: proposed → active → concluded, recording who and when', async () => {
    const created = await propose(torontoOfficial, toronto, penang).expect(201);
    const p: PartnershipDetailDto = created.body;
    expect(p).toMatchObject({
      title: 'Toronto – Penang',
      status: 'proposed',
      themes: ['employment'],
      goals: 'Share job-matching practice',
    });
    expect(p.cities.map((c) => [c.city.name, c.status])).toEqual([
      ['Toronto', 'member'],
      ['Penang', 'invited'],
    ]);
    expect(p.history.map((e) => [e.action, e.actor?.id, e.city?.name])).toEqual([
      ['proposed', torontoOfficial.id, 'Toronto'],
    ]);
    expect(p.viewer).toMatchObject({ role: 'member', canWithdrawCityIds: [penang.id], canEdit: false });

    // a second proposal between the same cities is refused while this one waits
    const dup = await propose(torontoCoordinator, toronto, penang).expect(409);
    expect(dup.body.code).toBe('CONFLICT');
    const reverse = await propose(penangOfficial, penang, toronto).expect(409);
    expect(reverse.body.code).toBe('CONFLICT');

    // Penang's coordinator is notified and sees what they may do
    const [invited] = await notificationsOf(penangCoordinator);
    expect(invited).toMatchObject({
      kind: 'partnership.invited',
      readAt: null,
      payload: {
        actor: { id: torontoOfficial.id, displayName: 'Tara Official' },
        partnership: { id: p.id, title: 'Toronto – Penang' },
        fromCity: { id: toronto.id, name: 'Toronto' },
        toCity: { id: penang.id, name: 'Penang' },
      },
    });
    const seenByPenang = await http().get(`/api/partnerships/${p.id}`).set(penangCoordinator.auth).expect(200);
    expect(seenByPenang.body.viewer).toMatchObject({ role: null, canDecideForCityIds: [penang.id] });
    expect(seenByPenang.body.members).toEqual([]);
    expect(seenByPenang.body.forumId).toBeNull();

    // Penang's official sees it but cannot answer for the city
    const notCoordinator = await http()
      .post(`/api/partnerships/${p.id}/invitations/${penang.id}/decision`)
      .set(penangOfficial.auth)
      .send({ decision: 'accept' })
      .expect(403);
    expect(notCoordinator.body.code).toBe('FORBIDDEN');

    const accepted = await http()
      .post(`/api/partnerships/${p.id}/invitations/${penang.id}/decision`)
      .set(penangCoordinator.auth)
      .send({ decision: 'accept', note: 'Gladly' })
      .expect(200);
    expect(accepted.body.status).toBe('active');
    expect(accepted.body.viewer).toMatchObject({ role: 'coordinator', canConclude: true, canSeeForum: true });
    expect(accepted.body.history.map((e: { action: string }) => e.action)).toEqual([
      'proposed',
      'accepted',
      'activated',
    ]);
    expect(accepted.body.members.map((m: { user: { id: string }; role: string }) => [m.user.id, m.role])).toEqual(
      expect.arrayContaining([
        [penangCoordinator.id, 'coordinator'],
        [penangOfficial.id, 'member'],
        [torontoOfficial.id, 'member'],
        [torontoCoordinator.id, 'coordinator'],
      ]),
    );

    // the proposer and Toronto's coordinators hear about it
    expect((await notificationsOf(torontoOfficial))[0]).toMatchObject({
      kind: 'partnership.accepted',
      payload: { city: { id: penang.id }, actor: { id: penangCoordinator.id } },
    });
    expect((await notificationsOf(torontoCoordinator))[0].kind).toBe('partnership.accepted');

    // answering twice is an illegal transition
    const again = await http()
      .post(`/api/partnerships/${p.id}/invitations/${penang.id}/decision`)
      .set(penangCoordinator.auth)
      .send({ decision: 'decline' })
      .expect(409);
    expect(again.body.code).toBe('INVALID_STATE');

    // members who are not coordinators cannot change it
    await http().patch(`/api/partnerships/${p.id}`).set(torontoOfficial.auth).send({ goals: 'x' }).expect(403);
    await http().post(`/api/partnerships/${p.id}/conclude`).set(penangOfficial.auth).send({}).expect(403);

    const concluded = await http()
      .post(`/api/partnerships/${p.id}/conclude`)
      .set(torontoCoordinator.auth)
      .send({ note: 'Plan delivered' })
      .expect(200);
    expect(concluded.body).toMatchObject({ status: 'concluded', concludedAt: expect.any(String) });
    expect(concluded.body.history.at(-1)).toMatchObject({
      action: 'concluded',
      actor: { id: torontoCoordinator.id },
      note: 'Plan delivered',
    });
    const twice = await http()
      .post(`/api/partnerships/${p.id}/conclude`)
      .set(torontoCoordinator.auth)
      .send({})
      .expect(409);
    expect(twice.body.code).toBe('INVALID_STATE');
  });

  it('lets the proposer withdraw, and the invited city decline', async () => {
    const withdrawn = (await propose(torontoOfficial, toronto, daNang).expect(201)).body as PartnershipDetailDto;
    // the invited city cannot withdraw someone else's proposal
    await http()
      .post(`/api/partnerships/${withdrawn.id}/invitations/${daNang.id}/withdraw`)
      .set(daNangCoordinator.auth)
      .send({})
      .expect(403);
    const w = await http()
      .post(`/api/partnerships/${withdrawn.id}/invitations/${daNang.id}/withdraw`)
      .set(torontoOfficial.auth)
      .send({ note: 'Wrong city' })
      .expect(200);
    expect(w.body.status).toBe('withdrawn');
    expect(w.body.cities[1]).toMatchObject({ status: 'withdrawn', decidedBy: { id: torontoOfficial.id } });
    expect((await notificationsOf(daNangCoordinator))[0]).toMatchObject({ kind: 'partnership.withdrawn' });
    await http()
      .post(`/api/partnerships/${withdrawn.id}/invitations/${daNang.id}/decision`)
      .set(daNangCoordinator.auth)
      .send({ decision: 'accept' })
      .expect(409);

    const declined = (await propose(lisbonOfficial, lisbon, daNang).expect(201)).body as PartnershipDetailDto;
    const d = await http()
      .post(`/api/partnerships/${declined.id}/invitations/${daNang.id}/decision`)
      .set(daNangCoordinator.auth)
      .send({ decision: 'decline', note: 'Not now' })
      .expect(200);
    expect(d.body.status).toBe('declined');
    expect((await notificationsOf(lisbonOfficial))[0]).toMatchObject({
      kind: 'partnership.declined',
      payload: { city: { id: daNang.id } },
    });
  });

  it('grows into a network: a member coordinator invites a further city', async () => {
    const p = (await propose(torontoCoordinator, toronto, penang, { title: 'Work Bridge' }).expect(201))
      .body as PartnershipDetailDto;
    await http()
      .post(`/api/partnerships/${p.id}/invitations`)
      .set(torontoCoordinator.auth)
      .send({ cityId: daNang.id })
      .expect(409); // not active yet
    await http()
      .post(`/api/partnerships/${p.id}/invitations/${penang.id}/decision`)
      .set(penangCoordinator.auth)
      .send({ decision: 'accept' })
      .expect(200);
    await http()
      .post(`/api/partnerships/${p.id}/invitations`)
      .set(penangOfficial.auth)
      .send({ cityId: daNang.id })
      .expect(403);
    const invited = await http()
      .post(`/api/partnerships/${p.id}/invitations`)
      .set(penangCoordinator.auth)
      .send({ cityId: daNang.id, message: 'Join us' })
      .expect(200);
    expect(invited.body.status).toBe('active');
    expect(invited.body.cities.map((c: { city: { name: string }; status: string }) => [c.city.name, c.status])).toEqual(
      [
        ['Toronto', 'member'],
        ['Penang', 'member'],
        ['Da Nang', 'invited'],
      ],
    );
    const dup = await http()
      .post(`/api/partnerships/${p.id}/invitations`)
      .set(torontoCoordinator.auth)
      .send({ cityId: daNang.id })
      .expect(400);
    expect(dup.body.fields).toHaveProperty('cityId');
    const joined = await http()
      .post(`/api/partnerships/${p.id}/invitations/${daNang.id}/decision`)
      .set(daNangCoordinator.auth)
      .send({ decision: 'accept' })
      .expect(200);
    expect(joined.body.cities.every((c: { status: string }) => c.status === 'member')).toBe(true);
    expect(joined.body.viewer.role).toBe('coordinator');
  });

  it('keeps an action plan of milestones that only coordinators change', async () => {
    const p = (await propose(torontoCoordinator, toronto, lisbon).expect(201)).body as PartnershipDetailDto;
    const bad = await http()
      .post(`/api/partnerships/${p.id}/milestones`)
      .set(torontoCoordinator.auth)
      .send({ title: '', dueDate: '2027-13-40', status: 'someday', ownerId: lisbonOfficial.id })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['dueDate', 'status', 'title']);
    // the owner must be a member: Lisbon has not accepted yet
    const notMember = await http()
      .post(`/api/partnerships/${p.id}/milestones`)
      .set(torontoCoordinator.auth)
      .send({ title: 'Exchange curricula', ownerId: lisbonOfficial.id })
      .expect(400);
    expect(notMember.body.fields).toHaveProperty('ownerId');
    const m = await http()
      .post(`/api/partnerships/${p.id}/milestones`)
      .set(torontoCoordinator.auth)
      .send({ title: 'Exchange curricula', ownerId: torontoOfficial.id, dueDate: '2027-03-01' })
      .expect(201);
    expect(m.body).toMatchObject({
      title: 'Exchange curricula',
      owner: { id: torontoOfficial.id },
      dueDate: '2027-03-01',
      status: 'planned',
    });
    await http()
      .patch(`/api/partnerships/${p.id}/milestones/${m.body.id}`)
      .set(torontoOfficial.auth)
      .send({ status: 'done' })
      .expect(403);
    const done = await http()
      .patch(`/api/partnerships/${p.id}/milestones/${m.body.id}`)
      .set(torontoCoordinator.auth)
      .send({ status: 'in_progress', dueDate: null })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'in_progress', dueDate: null });
    const detail = await http().get(`/api/partnerships/${p.id}`).set(torontoOfficial.auth).expect(200);
    expect(detail.body.milestones).toHaveLength(1);
    const activity = await http().get(`/api/partnerships/${p.id}/activity`).set(torontoOfficial.auth).expect(200);
    expect(activity.body.items.map((i: { kind: string }) => i.kind)).toEqual(['milestone', 'event']);
    await http().delete(`/api/partnerships/${p.id}/milestones/${m.body.id}`).set(torontoCoordinator.auth).expect(204);
    await http().delete(`/api/partnerships/${p.id}/milestones/${m.body.id}`).set(torontoCoordinator.auth).expect(404);
  });

  it('hides a partnership from outsiders (404 for reads and writes) and lists only one’s own', async () => {
    const ottawa = await createCity(t.dataSource, { name: 'Ottawa' });
    const ipoh = await createCity(t.dataSource, {
      name: 'Ipoh',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    await addMember(t.dataSource, ottawa.id, torontoOfficial.id, 'official');
    await addMember(t.dataSource, ipoh.id, penangCoordinator.id, 'coordinator');
    const p = (await propose(torontoOfficial, ottawa, ipoh, { themes: ['health'] }).expect(201)).body;
    expect(p.status).toBe('proposed');
    const before = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM partnership_events) e, (SELECT count(*) FROM partnership_milestones) m,
              (SELECT count(*) FROM partnership_cities) c, (SELECT count(*) FROM notifications) n`,
    );
    for (const [method, path, body] of [
      ['get', `/api/partnerships/${p.id}`, undefined],
      ['get', `/api/partnerships/${p.id}/activity`, undefined],
      ['patch', `/api/partnerships/${p.id}`, { goals: 'taken over' }],
      ['post', `/api/partnerships/${p.id}/conclude`, {}],
      ['post', `/api/partnerships/${p.id}/invitations`, { cityId: lisbon.id }],
      ['post', `/api/partnerships/${p.id}/invitations/${ipoh.id}/decision`, { decision: 'accept' }],
      ['post', `/api/partnerships/${p.id}/invitations/${ipoh.id}/withdraw`, {}],
      ['post', `/api/partnerships/${p.id}/milestones`, { title: 'x' }],
    ] as const) {
      const res = await http()[method](path).set(lisbonOfficial.auth).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const after = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM partnership_events) e, (SELECT count(*) FROM partnership_milestones) m,
              (SELECT count(*) FROM partnership_cities) c, (SELECT count(*) FROM notifications) n`,
    );
    expect(after).toEqual(before);

    // admins read every partnership (to moderate) but only coordinators change one
    const seenByAdmin = await http().get(`/api/partnerships/${p.id}`).set(admin.auth).expect(200);
    expect(seenByAdmin.body.viewer).toMatchObject({ role: null, canEdit: false });
    await http().patch(`/api/partnerships/${p.id}`).set(admin.auth).send({ goals: 'x' }).expect(403);

    const lisbonList = await http().get('/api/partnerships').set(lisbonOfficial.auth).expect(200);
    expect(lisbonList.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    const penangList = await http().get('/api/partnerships?status=proposed').set(penangCoordinator.auth).expect(200);
    expect(penangList.body.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({
      cities: [
        { id: ottawa.id, status: 'member' },
        { id: ipoh.id, status: 'invited' },
      ],
      awaitingMyDecision: true,
      viewerRole: null, // invited, not yet a member
    });
  });

  it('suggests partners with a score anyone can recompute from the reasons', async () => {
    await createCity(t.dataSource, {
      name: 'Hue',
      countryCode: 'VN',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      themes: ['transportation'],
    });
    const res = await http().get(`/api/cities/${toronto.id}/suggestions`).set(torontoOfficial.auth).expect(200);
    expect(res.body.weights).toEqual({
      complementaryProfile: 40,
      sharedTheme: 10,
      sharedThemesMax: 4,
      differentRegion: 20,
    });
    // Penang and Da Nang are in an active partnership with Toronto ("Work Bridge"), so they are left out
    const names = res.body.items.map((i: { city: { name: string } }) => i.city.name);
    expect(names).not.toContain('Penang');
    expect(names).not.toContain('Da Nang');
    expect(names).not.toContain('Toronto');
    const byName = Object.fromEntries(res.body.items.map((i: { city: { name: string } }) => [i.city.name, i]));
    // Hue: emerging (40) + no shared theme (0) + other region (20)
    expect(byName['Hue']).toMatchObject({
      score: 60,
      breakdown: { profile: 40, themes: 0, region: 20 },
      reasons: {
        profiles: { mine: 'traditional', theirs: 'emerging', complementary: true },
        sharedThemes: [],
        regions: { mine: 'north_america', theirs: 'south_east_asia', different: true },
      },
    });
    // Lisbon: traditional (0) + integration shared (10) + other region (20)
    expect(byName['Lisbon']).toMatchObject({ score: 30, breakdown: { profile: 0, themes: 10, region: 20 } });
    expect(byName['Lisbon'].reasons.sharedThemes).toEqual(['integration']);
    expect(names.indexOf('Hue')).toBeLessThan(names.indexOf('Lisbon'));
    for (const item of res.body.items) {
      expect(item.score).toBe(item.breakdown.profile + item.breakdown.themes + item.breakdown.region);
    }

    const filtered = await http()
      .get(`/api/cities/${toronto.id}/suggestions?region=western_europe&theme=integration`)
      .set(torontoOfficial.auth)
      .expect(200);
    expect(filtered.body.items.map((i: { city: { name: string } }) => i.city.name)).toEqual(['Lisbon']);

    const bad = await http()
      .get(`/api/cities/${toronto.id}/suggestions?region=mars`)
      .set(torontoOfficial.auth)
      .expect(400);
    expect(bad.body.fields).toHaveProperty('region');
    await http().get(`/api/cities/${toronto.id}/suggestions`).expect(401);
  });

  it('delivers notification.created live, after commit, and catches up from the list', async () => {
    const socket: Socket = io(`${t.url}${Namespaces.notifications}`, {
      auth: { token: lisbonOfficial.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise((resolve, reject) => {
        socket.on('session.ready', resolve);
        socket.on('connect_error', reject);
      });
      const lisbonCoordinator = await createUser(t, { displayName: 'Lia Coordinator' });
      await addMember(t.dataSource, lisbon.id, lisbonCoordinator.id, 'coordinator');
      const live = new Promise<{ notification: NotificationDto; unreadCount: number }>((resolve) =>
        socket.once('notification.created', resolve),
      );
      // Lisbon's coordinator connects too, so a proposal to Lisbon reaches them live
      const coordSocket: Socket = io(`${t.url}${Namespaces.notifications}`, {
        auth: { token: lisbonCoordinator.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise((resolve) => coordSocket.on('session.ready', resolve));
        const coordLive = new Promise<{ notification: NotificationDto; unreadCount: number }>((resolve) =>
          coordSocket.once('notification.created', resolve),
        );
        const proposal = (await propose(penangOfficial, penang, lisbon).expect(201)).body as PartnershipDetailDto;
        const received = await coordLive;
        expect(received.unreadCount).toBe(1);
        expect(received.notification).toMatchObject({
          kind: 'partnership.invited',
          payload: { partnership: { id: proposal.id } },
        });
        // the notification is already readable through the API when it arrives (published after commit)
        const listed = await notificationsOf(lisbonCoordinator);
        expect(listed[0].id).toBe(received.notification.id);

        const readAll = await http().post('/api/notifications/read-all').set(lisbonCoordinator.auth).expect(200);
        expect(readAll.body).toEqual({ count: 0 });
        const count = await http().get('/api/notifications/unread-count').set(lisbonCoordinator.auth).expect(200);
        expect(count.body).toEqual({ count: 0 });
      } finally {
        coordSocket.close();
      }
      // Lisbon's official is not a coordinator, so heard nothing; the socket stays healthy
      const raced = await Promise.race([live, new Promise((r) => setTimeout(() => r('quiet'), 300))]);
      expect(raced).toBe('quiet');
    } finally {
      socket.close();
    }
  });

  it('rate limits proposals and invitations per user (each one notifies another city)', async () => {
    const eager = await createUser(t, { displayName: 'Eager Proposer' });
    const home = await createCity(t.dataSource, { name: 'Calgary' });
    await addMember(t.dataSource, home.id, eager.id, 'official');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await propose(eager, home, lisbon)).status);
    expect(statuses.slice(0, 10)).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const limited = await propose(eager, home, lisbon).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('marks one notification read, and only the owner can', async () => {
    const [first] = await notificationsOf(penangCoordinator);
    await http().post(`/api/notifications/${first.id}/read`).set(lisbonOfficial.auth).expect(404);
    await http().post(`/api/notifications/${first.id}/read`).set(penangCoordinator.auth).expect(204);
    const unread = await http().get('/api/notifications?unread=true').set(penangCoordinator.auth).expect(200);
    expect(unread.body.items.map((n: NotificationDto) => n.id)).not.toContain(first.id);
    await http().get('/api/notifications?unread=maybe').set(penangCoordinator.auth).expect(400);
  });
});
