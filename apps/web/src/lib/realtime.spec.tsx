import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAuth, makeMe } from '../test/fixtures';
import { fakeSockets, fakeSocketSettings, latestSocket } from '../test/fake-socket';
import { apiError, jsonResponse, stubFetch } from '../test/test-utils';
import { setAccessToken } from './api-client';
import {
  onRealtimeReconnect,
  startRealtime,
  stopRealtime,
  useForumSubscription,
  useRealtimeEvent,
  useRealtimeSession,
  useRealtimeStatus,
  useThreadSubscription,
  useVisitSubscription,
} from './realtime';
import { retryDelay } from './socket';

vi.mock('socket.io-client', () => import('../test/fake-socket'));

const THREAD = '3f1c2a70-0000-4000-8000-000000000001';
const OTHER_THREAD = '3f1c2a70-0000-4000-8000-000000000002';
const FORUM = '3f1c2a70-0000-4000-8000-0000000000f1';
const VISIT = '3f1c2a70-0000-4000-8000-0000000000a1';

beforeEach(() => {
  // Each spec says when the server answers the handshake.
  fakeSocketSettings.autoConnect = false;
  setAccessToken('token-1');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('realtime connection', () => {
  it('opens one socket to /notifications that authenticates each handshake with the current token', () => {
    startRealtime();
    startRealtime();
    expect(fakeSockets).toHaveLength(1);
    const socket = latestSocket();
    expect(socket.url).toBe('/notifications');
    expect(socket.options).toMatchObject({ path: '/socket.io', transports: ['websocket', 'polling'] });
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);

    act(() => socket.serverAccept());
    setAccessToken('token-2');
    act(() => socket.dropConnection());
    socket.connect(); // socket.io reconnecting by itself
    expect(socket.handshakes).toEqual([{ token: 'token-1' }, { token: 'token-2' }]);
  });

  it('reports its status', () => {
    const { result } = renderHook(() => useRealtimeStatus());
    expect(result.current).toBe('disconnected');
    act(() => startRealtime());
    expect(result.current).toBe('connecting');
    act(() => latestSocket().serverAccept());
    expect(result.current).toBe('connected');
    act(() => latestSocket().dropConnection());
    expect(result.current).toBe('connecting');
    act(() => latestSocket().serverAccept());
    expect(result.current).toBe('connected');
    act(() => stopRealtime());
    expect(result.current).toBe('disconnected');
    expect(latestSocket().disconnectCalls).toBe(1);
  });

  it('connects while a user is signed in and disconnects when they sign out', () => {
    const { rerender, unmount } = renderHook(({ userId }: { userId: string | null }) => useRealtimeSession(userId), {
      initialProps: { userId: null as string | null },
    });
    expect(fakeSockets).toHaveLength(0);
    rerender({ userId: 'user-ana' });
    expect(fakeSockets).toHaveLength(1);
    act(() => latestSocket().serverAccept());
    rerender({ userId: null });
    expect(fakeSockets[0]?.connected).toBe(false);
    rerender({ userId: 'user-li' });
    expect(fakeSockets).toHaveLength(2);
    unmount();
    expect(fakeSockets[1]?.disconnectCalls).toBe(1);
  });

  it('calls the latest handler of each listening component, without subscribing again', () => {
    startRealtime();
    const socket = latestSocket();
    act(() => socket.serverAccept());
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ handler }) => useRealtimeEvent('notification.read', handler), {
      initialProps: { handler: first },
    });

    socket.serverEmit('notification.read', { unreadCount: 4 });
    expect(first).toHaveBeenCalledWith({ unreadCount: 4 });

    rerender({ handler: second });
    socket.serverEmit('notification.read', { unreadCount: 3 });
    expect(second).toHaveBeenCalledWith({ unreadCount: 3 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(socket.listenerCount('notification.read')).toBe(1);

    unmount();
    socket.serverEmit('notification.read', { unreadCount: 2 });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('delivers events to components that mounted before the connection opened', () => {
    const handler = vi.fn();
    renderHook(() => useRealtimeEvent('forum.changed', handler));
    startRealtime();
    act(() => latestSocket().serverAccept());
    latestSocket().serverEmit('forum.changed', { forumId: FORUM, threadId: THREAD });
    expect(handler).toHaveBeenCalledWith({ forumId: FORUM, threadId: THREAD });
  });

  it('follows threads and forums while mounted, and joins them again after every reconnect', () => {
    startRealtime();
    const socket = latestSocket();
    const { rerender, unmount } = renderHook(
      ({ threadId }: { threadId: string | undefined }) => {
        useThreadSubscription(threadId);
        useForumSubscription(FORUM);
      },
      { initialProps: { threadId: THREAD as string | undefined } },
    );
    // A second component on the same thread shares the subscription.
    const other = renderHook(() => useThreadSubscription(THREAD));
    expect(socket.sent('thread.subscribe')).toEqual([]); // not connected yet

    act(() => socket.serverAccept());
    expect(socket.sent('thread.subscribe')).toEqual([{ threadId: THREAD }]);
    expect(socket.sent('forum.subscribe')).toEqual([{ forumId: FORUM }]);

    act(() => socket.dropConnection());
    act(() => socket.serverAccept());
    expect(socket.sent('thread.subscribe')).toEqual([{ threadId: THREAD }, { threadId: THREAD }]);

    rerender({ threadId: OTHER_THREAD });
    expect(socket.sent('thread.subscribe')).toEqual([
      { threadId: THREAD },
      { threadId: THREAD },
      { threadId: OTHER_THREAD },
    ]);
    expect(socket.sent('thread.unsubscribe')).toEqual([]); // the other component still follows it

    other.unmount();
    expect(socket.sent('thread.unsubscribe')).toEqual([{ threadId: THREAD }]);
    rerender({ threadId: undefined });
    unmount();
    expect(socket.sent('thread.unsubscribe')).toEqual([{ threadId: THREAD }, { threadId: OTHER_THREAD }]);
    expect(socket.sent('forum.unsubscribe')).toEqual([{ forumId: FORUM }]);
  });

  it('follows a study visit while mounted, again after a reconnect', () => {
    startRealtime();
    const socket = latestSocket();
    const { unmount } = renderHook(() => useVisitSubscription(VISIT));
    act(() => socket.serverAccept());
    expect(socket.sent('visit.subscribe')).toEqual([{ visitId: VISIT }]);
    act(() => socket.dropConnection());
    act(() => socket.serverAccept());
    expect(socket.sent('visit.subscribe')).toEqual([{ visitId: VISIT }, { visitId: VISIT }]);
    unmount();
    expect(socket.sent('visit.unsubscribe')).toEqual([{ visitId: VISIT }]);
  });

  it('tells listeners about reconnects, not about the first connect', () => {
    const listener = vi.fn();
    const stop = onRealtimeReconnect(listener);
    startRealtime();
    const socket = latestSocket();
    act(() => socket.serverAccept());
    expect(listener).not.toHaveBeenCalled();
    act(() => socket.dropConnection());
    act(() => socket.serverAccept());
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    act(() => socket.dropConnection());
    act(() => socket.serverAccept());
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('renews an expired token, reconnects with the new one and backs off when refused again', async () => {
    vi.useFakeTimers();
    let renewals = 0;
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') {
        renewals += 1;
        return jsonResponse(makeAuth(makeMe(), `token-${renewals + 1}`));
      }
      return apiError(404, 'NOT_FOUND');
    });
    startRealtime();
    const socket = latestSocket();

    socket.serverRefuse({ code: 'TOKEN_EXPIRED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(renewals).toBe(1);
    expect(socket.connectCalls).toBe(2);
    expect(socket.handshakes.at(-1)).toMatchObject({ token: 'token-2' });

    // Refused again: the next attempt waits.
    socket.serverRefuse({ code: 'UNAUTHENTICATED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(renewals).toBe(2);
    expect(socket.connectCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(socket.connectCalls).toBe(3);

    socket.serverRefuse({ code: 'UNAUTHENTICATED' });
    await vi.advanceTimersByTimeAsync(retryDelay(2) - 1);
    expect(socket.connectCalls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(4);

    // A success resets the back-off.
    act(() => socket.serverAccept());
    act(() => socket.dropConnection());
    socket.active = false;
    socket.serverRefuse({ code: 'TOKEN_EXPIRED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.connectCalls).toBe(5);
  });

  it('stops when the session cannot be renewed', async () => {
    stubFetch(() => apiError(401, 'REFRESH_TOKEN_INVALID'));
    const { result } = renderHook(() => useRealtimeStatus());
    act(() => startRealtime());
    const socket = latestSocket();
    await act(async () => socket.serverRefuse({ code: 'TOKEN_EXPIRED' }));
    await vi.waitFor(() => expect(result.current).toBe('disconnected'));
    expect(socket.connectCalls).toBe(1);
    expect(socket.disconnectCalls).toBe(1);
  });

  it('retries other refusals after a pause, without renewing the session', async () => {
    vi.useFakeTimers();
    const { spy } = stubFetch(() => apiError(404, 'NOT_FOUND'));
    startRealtime();
    const socket = latestSocket();
    socket.serverRefuse({ code: 'SERVICE_UNAVAILABLE' });
    await vi.advanceTimersByTimeAsync(999);
    expect(socket.connectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(2);
    expect(spy).not.toHaveBeenCalled();
  });

  it('reconnects after a pause when the server closes the socket', async () => {
    vi.useFakeTimers();
    startRealtime();
    const socket = latestSocket();
    act(() => socket.serverAccept());
    act(() => socket.serverDisconnect());
    await vi.advanceTimersByTimeAsync(999);
    expect(socket.connectCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connectCalls).toBe(2);
  });

  it('grows the retry delay up to a ceiling', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([0, 1_000, 2_000, 4_000, 30_000]);
  });
});
