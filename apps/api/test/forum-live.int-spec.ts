import { Namespaces } from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** Open thread and forum pages refresh live: thread.changed / forum.changed after commit. */
describe('live forum updates', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const http = () => request(t.app.getHttpServer());

  const connect = async (user: TestUser): Promise<Socket> => {
    const socket = io(`${t.url}${Namespaces.notifications}`, {
      auth: { token: user.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.on('session.ready', resolve);
      socket.on('connect_error', reject);
    });
    return socket;
  };

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('tells subscribers of a thread and its forum about a new reply, once it is readable', async () => {
    const a = await createCity(t.dataSource, { name: 'Halifax' });
    const b = await createCity(t.dataSource, {
      name: 'Hue',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    const alice = await createUser(t, { displayName: 'Alice Author' });
    const bao = await createUser(t, { displayName: 'Bao Replier' });
    await addMember(t.dataSource, a.id, alice.id);
    await addMember(t.dataSource, b.id, bao.id);
    const { forumId } = await createPartnershipForum(t.dataSource, [a.id, b.id]);
    const thread = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(alice.auth)
      .send({ title: 'Harbour jobs', body: 'What works?' })
      .expect(201);

    const socket = await connect(alice);
    expect(await socket.emitWithAck('thread.subscribe', { threadId: thread.body.id })).toEqual({ ok: true });
    expect(await socket.emitWithAck('forum.subscribe', { forumId })).toEqual({ ok: true });
    const threadChanged = new Promise<Record<string, unknown>>((resolve) => socket.once('thread.changed', resolve));
    const forumChanged = new Promise<Record<string, unknown>>((resolve) => socket.once('forum.changed', resolve));

    const reply = await http()
      .post(`/api/threads/${thread.body.id}/posts`)
      .set(bao.auth)
      .send({ body: 'Port apprenticeships' })
      .expect(201);
    expect(await threadChanged).toEqual({
      threadId: thread.body.id,
      forumId,
      change: 'post.created',
      lastSeq: 2,
      postId: reply.body.id,
    });
    expect(await forumChanged).toEqual({ forumId, threadId: thread.body.id });
    // the change is already readable when the event arrives
    const posts = await http().get(`/api/threads/${thread.body.id}/posts?afterSeq=1`).set(alice.auth).expect(200);
    expect(posts.body.items.map((p: { id: string }) => p.id)).toEqual([reply.body.id]);

    // malformed subscriptions get a validation error and the socket stays usable
    expect(await socket.emitWithAck('thread.subscribe', { threadId: 'nope', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await socket.emitWithAck('session.ping', {})).toMatchObject({ ok: true });
  });
});
