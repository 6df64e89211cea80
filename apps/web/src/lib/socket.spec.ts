import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAuth, makeMe } from '../test/fixtures';
import { fakeSockets, fakeSocketSettings, latestSocket } from '../test/fake-socket';
import { apiError, jsonResponse, stubFetch } from '../test/test-utils';
import { refreshSession, setAccessToken } from './api-client';
import {
  Backoff,
  openAuthenticatedSocket,
  retryDelay,
  type AuthenticatedSocket,
  type AuthenticatedSocketOptions,
  type SocketNamespace,
} from './socket';

vi.mock('socket.io-client', () => import('../test/fake-socket'));

const opened: AuthenticatedSocket<SocketNamespace>[] = [];

function open(namespace: SocketNamespace, options: AuthenticatedSocketOptions = {}) {
  const handle = openAuthenticatedSocket(namespace, options);
  opened.push(handle);
  return { handle, socket: latestSocket() };
}

/** The session endpoint renews the token as token-2, token-3…; counts the renewals. */
function stubRenewals() {
  const renewals = { count: 0 };
  stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') {
      renewals.count += 1;
      return jsonResponse(makeAuth(makeMe(), `token-${renewals.count + 1}`));
    }
    return apiError(404, 'NOT_FOUND');
  });
  return renewals;
}

beforeEach(() => {
  fakeSocketSettings.autoConnect = false;
  setAccessToken('token-1');
});

afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
  vi.useRealTimers();
});

describe('openAuthenticatedSocket', () => {
  it('opens a socket to the namespace that presents the token of each handshake', () => {
    const { handle, socket } = open('/workshops');
    expect(socket.url).toBe('/workshops');
    expect(socket.options).toMatchObject({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      autoConnect: false,
    });
    expect(handle.socket).toBe(socket as unknown);
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);
    socket.serverAccept();
    setAccessToken('token-2');
    socket.dropConnection();
    socket.connect(); // socket.io reconnecting by itself
    expect(socket.handshakes).toEqual([{ token: 'token-1' }, { token: 'token-2' }]);
  });

  it('names the interface language of each handshake, so the server words its errors in it', () => {
    document.documentElement.lang = 'fr';
    try {
      const { socket } = open('/workshops');
      expect(socket.handshakes).toEqual([{ token: 'token-1', language: 'fr' }]);
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('reports its status and tells its owner about every connect and disconnect', () => {
    const statuses: string[] = [];
    const events: string[] = [];
    const { handle, socket } = open('/notifications', {
      onStatus: (status) => statuses.push(status),
      onConnect: () => events.push('connect'),
      onDisconnect: (reason) => events.push(reason),
    });
    expect(handle.status).toBe('connecting');
    socket.serverAccept();
    expect(handle.status).toBe('connected');
    socket.dropConnection();
    expect(handle.status).toBe('connecting');
    socket.serverAccept();
    handle.close();
    expect(handle.status).toBe('disconnected');
    expect(statuses).toEqual(['connecting', 'connected', 'connecting', 'connected', 'disconnected']);
    expect(events).toEqual(['connect', 'transport close', 'connect']);
  });

  it('renews an expired token and connects again at once, with the new token', async () => {
    vi.useFakeTimers();
    const renewals = stubRenewals();
    const { socket } = open('/workshops');
    socket.serverRefuse({ code: 'TOKEN_EXPIRED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(renewals.count).toBe(1);
    expect(socket.connectCalls).toBe(2);
    expect(socket.handshakes.at(-1)).toMatchObject({ token: 'token-2' });
  });

  it('backs off while the handshake keeps being refused, and starts again after a connect', async () => {
    vi.useFakeTimers();
    const renewals = stubRenewals();
    const { socket } = open('/notifications');
    socket.serverRefuse({ code: 'UNAUTHENTICATED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.connectCalls).toBe(2);

    socket.serverRefuse({ code: 'UNAUTHENTICATED' });
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 1);
    expect(socket.connectCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(3);
    expect(renewals.count).toBe(2);

    socket.serverAccept();
    socket.serverDisconnect(); // closed by the server: the first pause is the shortest one
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 1);
    expect(socket.connectCalls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(4);
  });

  it('leaves the back-off to an owner that resets it itself', async () => {
    vi.useFakeTimers();
    const { handle, socket } = open('/workshops', { resetBackoff: 'byOwner' });
    socket.serverRefuse({ code: 'SERVICE_UNAVAILABLE' });
    await vi.advanceTimersByTimeAsync(1_000);
    socket.serverAccept(); // connected, but the owner has not reset: the failure still counts
    expect(handle.backoff.next()).toBe(retryDelay(1));
    handle.backoff.reset();
    expect(handle.backoff.next()).toBe(retryDelay(0));
  });

  it('stops waiting when the session is renewed elsewhere', async () => {
    vi.useFakeTimers();
    stubRenewals();
    const { socket } = open('/notifications');
    socket.serverRefuse({ code: 'SERVICE_UNAVAILABLE' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.connectCalls).toBe(1);
    await refreshSession(); // another part of the app renewed the token
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.connectCalls).toBe(2);
  });

  it('tells its owner when the session cannot be renewed, then closes for good', async () => {
    stubFetch(() => apiError(401, 'REFRESH_TOKEN_INVALID'));
    const onSessionEnd = vi.fn(() => {
      // The owner may still take its leave: the socket is not closed yet.
      expect(socket.disconnectCalls).toBe(0);
    });
    const { handle, socket } = open('/workshops', { onSessionEnd });
    socket.serverRefuse({ code: 'TOKEN_EXPIRED' });
    await vi.waitFor(() => expect(handle.closed).toBe(true));
    expect(onSessionEnd).toHaveBeenCalledTimes(1);
    expect(socket.disconnectCalls).toBe(1);
    expect(socket.listenerCount('connect')).toBe(0);
    expect(socket.connectCalls).toBe(1);
  });

  it('closes at sign-out, and a closed socket never connects again', async () => {
    vi.useFakeTimers();
    stubFetch(() => apiError(401, 'REFRESH_TOKEN_INVALID'));
    const onSessionEnd = vi.fn();
    const { handle, socket } = open('/notifications', { onSessionEnd });
    socket.serverAccept();
    socket.serverDisconnect(); // a retry is waiting…
    await refreshSession(); // …when the session ends (signed out in another tab)
    expect(onSessionEnd).toHaveBeenCalledTimes(1);
    expect(handle.closed).toBe(true);
    expect(handle.status).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connectCalls).toBe(1);
    handle.close(); // twice is harmless
    expect(socket.disconnectCalls).toBe(1);
    expect(fakeSockets).toHaveLength(1);
  });
});

describe('Backoff', () => {
  it('counts failures and grows the pause up to a ceiling', () => {
    const backoff = new Backoff();
    expect([1, 2, 3, 4].map(() => backoff.next())).toEqual([0, 1_000, 2_000, 4_000]);
    backoff.reset();
    expect(backoff.next()).toBe(0);
    expect(retryDelay(10)).toBe(30_000);
  });
});
