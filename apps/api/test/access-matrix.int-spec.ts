import { Namespaces } from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMember, createCity, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

type Role = 'anonymous' | 'outsider' | 'member' | 'coordinator' | 'admin';
const ROLES: Role[] = ['anonymous', 'outsider', 'member', 'admin', 'coordinator'];

interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: () => string;
  body?: () => object;
  /** Expected status per signed-in role (anonymous is always 401). */
  expect: Record<Exclude<Role, 'anonymous'>, number>;
}

/**
 * The access matrix: {anonymous, member of the partnership, official of another city, coordinator,
 * admin} × every partnership, forum, moderation and notification route and socket event.
 * Anonymous callers get 401; signed-in users outside the private partnership get 404 for its reads
 * and writes alike; members who lack a role get 403; and every refused request leaves the database
 * exactly as it was.
 */
describe('access matrix', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const users = {} as Record<Exclude<Role, 'anonymous'>, TestUser>;
  let cityA: { id: string };
  let cityB: { id: string };
  let cityD: { id: string };
  let partnershipId: string;
  let forumId: string;
  let threadId: string;
  let replyId: string;
  let memberPostId: string;
  let milestoneId: string;
  let flagId: string;
  let notificationId: string;
  let themeForumId: string;
  let themeThreadId: string;

  /** A digest of every table these routes may write to. */
  const fingerprint = async (): Promise<string> => {
    const tables = [
      'partnerships',
      'partnership_cities',
      'partnership_events',
      'partnership_milestones',
      'forums',
      'threads',
      'posts',
      'post_revisions',
      'thread_reads',
      'post_flags',
      'forum_silences',
      'moderation_audit',
      'notifications',
    ];
    const rows: { digest: string }[] = await t.dataSource.query(
      `SELECT md5(string_agg(d, '|' ORDER BY d)) AS digest FROM (
         ${tables.map((table) => `SELECT '${table}:' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS d FROM ${table} x`).join(' UNION ALL ')}
       ) all_tables`,
    );
    return rows[0].digest;
  };

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
    cityA = await createCity(t.dataSource, { name: 'Alpha', themes: ['health'] });
    cityB = await createCity(t.dataSource, {
      name: 'Beta',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    const cityC = await createCity(t.dataSource, { name: 'Gamma', region: 'western_europe' });
    cityD = await createCity(t.dataSource, {
      name: 'Delta',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    users.member = await createUser(t, { displayName: 'Mia Member' });
    users.coordinator = await createUser(t, { displayName: 'Cole Coordinator' });
    users.outsider = await createUser(t, { displayName: 'Otto Outsider' });
    users.admin = await createUser(t, { roles: ['admin'], displayName: 'Ada Admin' });
    const coordB = await createUser(t, { displayName: 'Bea Coordinator' });
    await addMember(t.dataSource, cityA.id, users.member.id, 'official');
    await addMember(t.dataSource, cityA.id, users.coordinator.id, 'coordinator');
    await addMember(t.dataSource, cityC.id, users.outsider.id, 'official');
    await addMember(t.dataSource, cityB.id, coordB.id, 'coordinator');

    // a real partnership, through the API: proposed by the member, accepted by Beta, then Delta invited
    const p = await http()
      .post('/api/partnerships')
      .set(users.member.auth)
      .send({ fromCityId: cityA.id, toCityId: cityB.id, themes: ['health'], goals: 'Clinics' })
      .expect(201);
    partnershipId = p.body.id;
    await http()
      .post(`/api/partnerships/${partnershipId}/invitations/${cityB.id}/decision`)
      .set(coordB.auth)
      .send({ decision: 'accept' })
      .expect(200);
    const invited = await http()
      .post(`/api/partnerships/${partnershipId}/invitations`)
      .set(users.coordinator.auth)
      .send({ cityId: cityD.id })
      .expect(200);
    forumId = invited.body.forumId;
    const thread = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(users.member.auth)
      .send({ title: 'Clinic hours for newcomers', body: 'Opening post' })
      .expect(201);
    threadId = thread.body.id;
    const reply = await http()
      .post(`/api/threads/${threadId}/posts`)
      .set(coordB.auth)
      .send({ body: 'A reply from Beta' })
      .expect(201);
    replyId = reply.body.id;
    const own = await http()
      .post(`/api/threads/${threadId}/posts`)
      .set(users.member.auth)
      .send({ body: 'Member’s own reply' })
      .expect(201);
    memberPostId = own.body.id;
    const milestone = await http()
      .post(`/api/partnerships/${partnershipId}/milestones`)
      .set(users.coordinator.auth)
      .send({ title: 'Share data' })
      .expect(201);
    milestoneId = milestone.body.id;
    await http().post(`/api/posts/${replyId}/flags`).set(users.member.auth).send({ reason: 'spam' }).expect(204);
    const flags = await http().get('/api/moderation/flags').set(users.coordinator.auth).expect(200);
    flagId = flags.body.items[0].id;
    const notes = await http().get('/api/notifications').set(users.member.auth).expect(200);
    notificationId = notes.body.items[0].id;
    const forums = await http().get('/api/forums').set(users.member.auth).expect(200);
    themeForumId = forums.body.find(
      (f: { kind: string; theme: string }) => f.kind === 'theme' && f.theme === 'health',
    ).id;
    const themeThread = await http()
      .post(`/api/forums/${themeForumId}/threads`)
      .set(users.outsider.auth)
      .send({ title: 'Public question', body: 'Anyone?' })
      .expect(201);
    themeThreadId = themeThread.body.id;
  });
  afterAll(() => t.close());

  // 404: outside the private partnership. 403: sees it but lacks the role. Roles run in the order of
  // ROLES, so where the admin already did it, the coordinator gets past authorization to the state
  // check (409 already hidden / restored / resolved / deleted; 404 no silence left to lift).
  const cases: RouteCase[] = [
    // --- partnerships
    {
      name: 'list partnerships',
      method: 'get',
      path: () => '/api/partnerships',
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'read partnership',
      method: 'get',
      path: () => `/api/partnerships/${partnershipId}`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'activity',
      method: 'get',
      path: () => `/api/partnerships/${partnershipId}/activity`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'edit partnership',
      method: 'patch',
      path: () => `/api/partnerships/${partnershipId}`,
      body: () => ({ goals: 'Clinics and schools' }),
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 403 },
    },
    {
      name: 'add milestone',
      method: 'post',
      path: () => `/api/partnerships/${partnershipId}/milestones`,
      body: () => ({ title: 'Visit' }),
      expect: { outsider: 404, member: 403, coordinator: 201, admin: 403 },
    },
    {
      name: 'edit milestone',
      method: 'patch',
      path: () => `/api/partnerships/${partnershipId}/milestones/${milestoneId}`,
      body: () => ({ status: 'done' }),
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 403 },
    },
    {
      name: 'answer Delta’s invitation',
      method: 'post',
      path: () => `/api/partnerships/${partnershipId}/invitations/${cityD.id}/decision`,
      body: () => ({ decision: 'accept' }),
      expect: { outsider: 404, member: 403, coordinator: 403, admin: 403 },
    },
    {
      name: 'invite a city',
      method: 'post',
      path: () => `/api/partnerships/${partnershipId}/invitations`,
      body: () => ({ cityId: cityD.id }),
      expect: { outsider: 404, member: 403, coordinator: 400, admin: 403 },
    },
    {
      name: 'suggestions',
      method: 'get',
      path: () => `/api/cities/${cityA.id}/suggestions`,
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    // --- forums
    {
      name: 'list forums',
      method: 'get',
      path: () => '/api/forums',
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'read forum',
      method: 'get',
      path: () => `/api/forums/${forumId}`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'list threads',
      method: 'get',
      path: () => `/api/forums/${forumId}/threads`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'read theme forum',
      method: 'get',
      path: () => `/api/forums/${themeForumId}/threads`,
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'start thread',
      method: 'post',
      path: () => `/api/forums/${forumId}/threads`,
      body: () => ({ title: 'Another topic', body: 'Text' }),
      expect: { outsider: 404, member: 201, coordinator: 201, admin: 403 },
    },
    {
      name: 'read thread',
      method: 'get',
      path: () => `/api/threads/${threadId}`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'read posts',
      method: 'get',
      path: () => `/api/threads/${threadId}/posts`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'reply',
      method: 'post',
      path: () => `/api/threads/${threadId}/posts`,
      body: () => ({ body: 'More' }),
      expect: { outsider: 404, member: 201, coordinator: 201, admin: 403 },
    },
    {
      name: 'mark read',
      method: 'put',
      path: () => `/api/threads/${threadId}/read`,
      body: () => ({ lastReadSeq: 1 }),
      expect: { outsider: 404, member: 204, coordinator: 204, admin: 204 },
    },
    {
      name: 'watch level',
      method: 'put',
      path: () => `/api/threads/${threadId}/notification-level`,
      body: () => ({ level: 'muted' }),
      expect: { outsider: 404, member: 204, coordinator: 204, admin: 204 },
    },
    {
      name: 'mentionable',
      method: 'get',
      path: () => `/api/threads/${threadId}/mentionable?q=b`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'revisions',
      method: 'get',
      path: () => `/api/posts/${replyId}/revisions`,
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 200 },
    },
    {
      name: 'edit someone’s post',
      method: 'patch',
      path: () => `/api/posts/${replyId}`,
      body: () => ({ body: 'Edited' }),
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 200 },
    },
    {
      name: 'flag a post',
      method: 'post',
      path: () => `/api/posts/${memberPostId}/flags`,
      body: () => ({ reason: 'off_topic' }),
      expect: { outsider: 404, member: 403, coordinator: 204, admin: 204 },
    },
    {
      name: 'search',
      method: 'get',
      path: () => `/api/search?q=clinic&forumId=${forumId}`,
      expect: { outsider: 404, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'preview',
      method: 'post',
      path: () => '/api/forums/preview',
      body: () => ({ body: '**hi**' }),
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'theme thread',
      method: 'get',
      path: () => `/api/threads/${themeThreadId}`,
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    // --- moderation
    {
      name: 'flag queue',
      method: 'get',
      path: () => '/api/moderation/flags',
      expect: { outsider: 403, member: 403, coordinator: 200, admin: 200 },
    },
    {
      name: 'pin thread',
      method: 'patch',
      path: () => `/api/threads/${threadId}/moderation`,
      body: () => ({ pinned: true }),
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 200 },
    },
    {
      name: 'hide post',
      method: 'post',
      path: () => `/api/posts/${replyId}/hide`,
      body: () => ({ reason: 'spam' }),
      expect: { outsider: 404, member: 403, coordinator: 409, admin: 200 },
    },
    {
      name: 'restore post',
      method: 'post',
      path: () => `/api/posts/${replyId}/restore`,
      body: () => ({ reason: 'ok' }),
      expect: { outsider: 404, member: 403, coordinator: 409, admin: 200 },
    },
    {
      name: 'list silences',
      method: 'get',
      path: () => `/api/forums/${forumId}/silences`,
      expect: { outsider: 404, member: 403, coordinator: 200, admin: 200 },
    },
    {
      name: 'silence',
      method: 'post',
      path: () => `/api/forums/${forumId}/silences`,
      body: () => ({ userId: users.member.id, minutes: 60, reason: 'cool down' }),
      expect: { outsider: 404, member: 403, coordinator: 201, admin: 201 },
    },
    {
      name: 'lift silence',
      method: 'delete',
      path: () => `/api/forums/${forumId}/silences/${users.member.id}`,
      expect: { outsider: 404, member: 403, coordinator: 404, admin: 204 },
    },
    {
      name: 'resolve flag',
      method: 'post',
      path: () => `/api/moderation/flags/${flagId}/resolve`,
      body: () => ({ decision: 'dismiss' }),
      expect: { outsider: 404, member: 403, admin: 200, coordinator: 409 },
    },
    {
      name: 'audit log',
      method: 'get',
      path: () => '/api/moderation/audit',
      expect: { outsider: 403, member: 403, coordinator: 403, admin: 200 },
    },
    {
      name: 'audit CSV',
      method: 'get',
      path: () => '/api/moderation/audit.csv',
      expect: { outsider: 403, member: 403, coordinator: 403, admin: 200 },
    },
    {
      name: 'delete someone’s post',
      method: 'delete',
      path: () => `/api/posts/${replyId}`,
      expect: { outsider: 404, member: 403, admin: 200, coordinator: 409 },
    },
    // --- notifications (everyone has their own; another's is 404)
    {
      name: 'list notifications',
      method: 'get',
      path: () => '/api/notifications',
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'unread count',
      method: 'get',
      path: () => '/api/notifications/unread-count',
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    {
      name: 'read another’s notification',
      method: 'post',
      path: () => `/api/notifications/${notificationId}/read`,
      expect: { outsider: 404, member: 204, coordinator: 404, admin: 404 },
    },
    {
      name: 'mark all read',
      method: 'post',
      path: () => '/api/notifications/read-all',
      expect: { outsider: 200, member: 200, coordinator: 200, admin: 200 },
    },
    // --- last: state changes that end the partnership
    {
      name: 'withdraw Delta’s invitation',
      method: 'post',
      path: () => `/api/partnerships/${partnershipId}/invitations/${cityD.id}/withdraw`,
      body: () => ({}),
      expect: { outsider: 404, member: 403, admin: 403, coordinator: 200 },
    },
    {
      name: 'conclude',
      method: 'post',
      path: () => `/api/partnerships/${partnershipId}/conclude`,
      body: () => ({}),
      expect: { outsider: 404, member: 403, admin: 403, coordinator: 200 },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const results: string[] = [];
    const expected: string[] = [];
    for (const role of ROLES) {
      const want = role === 'anonymous' ? 401 : c.expect[role];
      const before = want >= 400 ? await fingerprint() : null;
      let req = http()[c.method](c.path());
      if (role !== 'anonymous') req = req.set(users[role].auth);
      const res = await (c.body ? req.send(c.body()) : req);
      results.push(`${role} ${res.status}${res.status >= 400 ? ` ${res.body.code}` : ''}`);
      const code = {
        400: 'VALIDATION_FAILED',
        401: 'UNAUTHENTICATED',
        403: 'FORBIDDEN',
        404: 'NOT_FOUND',
        409: 'INVALID_STATE',
      }[want];
      expected.push(`${role} ${want}${code ? ` ${code}` : ''}`);
      if (before !== null) expect(`${role}: ${await fingerprint()}`).toBe(`${role}: ${before}`);
    }
    expect(results).toEqual(expected);
  });

  it('socket events: outsiders cannot follow the private thread or forum; members and admins can', async () => {
    const ack = async (role: Exclude<Role, 'anonymous'>, event: string, payload: object) => {
      const socket: Socket = io(`${t.url}${Namespaces.notifications}`, {
        auth: { token: users[role].token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise((resolve, reject) => {
          socket.on('session.ready', resolve);
          socket.on('connect_error', reject);
        });
        return await socket.timeout(2000).emitWithAck(event, payload);
      } finally {
        socket.close();
      }
    };
    for (const [event, payload] of [
      ['thread.subscribe', { threadId }],
      ['forum.subscribe', { forumId }],
    ] as const) {
      expect(await ack('outsider', event, payload)).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.any(String) },
      });
      for (const role of ['member', 'coordinator', 'admin'] as const) {
        expect(await ack(role, event, payload)).toEqual({ ok: true });
      }
    }
    const anonymous = io(`${t.url}${Namespaces.notifications}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const refused = await new Promise<Error & { data?: unknown }>((resolve) => anonymous.on('connect_error', resolve));
    anonymous.close();
    expect(refused.data).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
