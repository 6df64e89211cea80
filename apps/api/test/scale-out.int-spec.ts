import { Namespaces, type NotificationDto } from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMember, createCity, createUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/**
 * Two API instances share PostgreSQL and Redis: a notification created through instance A reaches
 * a socket connected to instance B (the socket.io Redis streams adapter shares the rooms).
 */
describe('two instances behind REDIS_URL', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await bootApp({ REDIS_URL }, { listen: true });
    b = await bootApp({ REDIS_URL }, { listen: true });
    await resetDatabase(a.dataSource);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await a.close();
    await b.close();
  });

  it('delivers notification.created to a socket on the other instance', async () => {
    const from = await createCity(a.dataSource, { name: 'Vancouver' });
    const to = await createCity(a.dataSource, {
      name: 'Cebu City',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
    });
    const proposer = await createUser(a, { displayName: 'Val Proposer' });
    const coordinator = await createUser(a, { displayName: 'Ceb Coordinator' });
    await addMember(a.dataSource, from.id, proposer.id, 'official');
    await addMember(a.dataSource, to.id, coordinator.id, 'coordinator');

    const socket = io(`${b.url}${Namespaces.notifications}`, {
      auth: { token: coordinator.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.on('session.ready', resolve);
      socket.on('connect_error', reject);
    });
    const received = new Promise<{ notification: NotificationDto }>((resolve) =>
      socket.once('notification.created', resolve),
    );
    const created = await request(a.app.getHttpServer())
      .post('/api/partnerships')
      .set(proposer.auth)
      .send({ fromCityId: from.id, toCityId: to.id, themes: ['health'], goals: 'Clinics for newcomers' })
      .expect(201);
    const { notification } = await received;
    expect(notification).toMatchObject({
      kind: 'partnership.invited',
      payload: { partnership: { id: created.body.id } },
    });
  });
});
