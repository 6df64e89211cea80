import jwt from 'jsonwebtoken';
import { io, type Socket } from 'socket.io-client';
import { Namespaces } from '@twinning/contracts';
import { bootApp, resetDatabase, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import { createUser } from './support/factories';

function connect(url: string, auth: object, extraHeaders?: Record<string, string>): Socket {
  return io(`${url}${Namespaces.notifications}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  });
}

function outcome(
  socket: Socket,
): Promise<{ connected: true; ready: unknown } | { connected: false; error: Error & { data?: unknown } }> {
  return new Promise((resolve) => {
    socket.on('session.ready', (ready) => resolve({ connected: true, ready }));
    socket.on('connect_error', (error) => resolve({ connected: false, error }));
  });
}

describe('socket.io handshake authentication', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const open = (auth: object, headers?: Record<string, string>) => {
    const s = connect(t.url, auth, headers);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('accepts the same access token as HTTP and joins the user’s own room', async () => {
    const user = await createUser(t);
    const result = await outcome(open({ token: user.token }));
    expect(result).toEqual({ connected: true, ready: { userId: user.id } });
  });

  it('answers an event with a typed ack', async () => {
    const user = await createUser(t);
    const socket = open({ token: user.token });
    await outcome(socket);
    const ack = await socket.timeout(2000).emitWithAck('session.ping', {});
    expect(ack).toEqual({ ok: true, at: expect.any(String) });
  });

  it('answers a failing event with { ok: false, error } in its ack', async () => {
    const user = await createUser(t);
    const socket = open({ token: user.token });
    await outcome(socket);
    const ack = await socket.timeout(2000).emitWithAck('session.ping', { unexpected: true });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: expect.any(Object) },
    });
  });

  it.each([
    ['no token', {}, 'UNAUTHENTICATED'],
    ['a garbage token', { token: 'garbage' }, 'UNAUTHENTICATED'],
    [
      'a token of another signer',
      {
        token: jwt.sign({ sub: 'x', typ: 'access' }, 'another-secret-long-enough-000000000000', {
          issuer: 'twinning',
          audience: 'twinning-api',
        }),
      },
      'UNAUTHENTICATED',
    ],
    [
      'an expired token',
      {
        token: jwt.sign({ sub: 'x', typ: 'access', exp: 1_000_000 }, TEST_JWT_SECRET, {
          issuer: 'twinning',
          audience: 'twinning-api',
        }),
      },
      'TOKEN_EXPIRED',
    ],
  ])('refuses a handshake with %s: connect_error carries the error code', async (_label, auth, code) => {
    const result = await outcome(open(auth));
    expect(result.connected).toBe(false);
    if (!result.connected) expect(result.error.data).toEqual({ code, message: expect.any(String) });
  });

  it('refuses handshakes from origins outside CORS_ORIGINS', async () => {
    const user = await createUser(t);
    const foreign = await outcome(open({ token: user.token }, { Origin: 'https://evil.example' }));
    expect(foreign.connected).toBe(false);
    const allowed = await outcome(open({ token: user.token }, { Origin: t.config.corsOrigins[0] }));
    expect(allowed.connected).toBe(true);
  });
});
