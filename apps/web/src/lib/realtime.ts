import {
  ErrorCode,
  Namespaces,
  type NotificationsClientEvents,
  type NotificationsServerEvents,
} from '@twinning/contracts';
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { getAccessToken, onSessionEvent, refreshSession } from './api-client';

/**
 * The app's single socket.io connection, to the `/notifications` namespace. It is open while someone is
 * signed in (see `useRealtimeSession`), authenticates each handshake with the current access token, renews
 * the session when the server refuses an expired one, and re-joins the threads and forums that mounted
 * components follow after every reconnect. Features use the hooks below; none touches the socket itself.
 */

export type RealtimeStatus = 'connecting' | 'connected' | 'disconnected';
export type NotificationsSocket = Socket<NotificationsServerEvents, NotificationsClientEvents>;
type ServerEvent = keyof NotificationsServerEvents;
type Listener = (...args: unknown[]) => void;
type RoomKind = 'thread' | 'forum' | 'visit';

/** Delay before the n-th consecutive retry after a refused handshake (0 for the first: the token had expired). */
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const AUTH_CODES: ReadonlySet<string> = new Set([ErrorCode.TOKEN_EXPIRED, ErrorCode.UNAUTHENTICATED]);

export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
}

let socket: NotificationsSocket | null = null;
let status: RealtimeStatus = 'disconnected';
/** True once the current session's socket has connected: later connects are reconnects. */
let hasConnected = false;
/** Consecutive refused handshakes, for the back-off; reset by a successful connect. */
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let stopSessionWatch: (() => void) | null = null;

const statusListeners = new Set<() => void>();
const reconnectListeners = new Set<() => void>();
const eventListeners = new Map<ServerEvent, Set<Listener>>();
/** Server events forwarded from the current socket to `eventListeners`. */
const forwarded = new Set<ServerEvent>();
/** Rooms followed by mounted components, with the number of components following each. */
const rooms = new Map<string, { kind: RoomKind; id: string; count: number }>();

function setStatus(next: RealtimeStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function forward(event: ServerEvent): void {
  if (!socket || forwarded.has(event)) return;
  forwarded.add(event);
  const dispatch: Listener = (...args) => {
    for (const listener of [...(eventListeners.get(event) ?? [])]) listener(...args);
  };
  socket.on(event, dispatch as NotificationsServerEvents[ServerEvent]);
}

function emitRoom(kind: RoomKind, id: string, action: 'subscribe' | 'unsubscribe'): void {
  if (!socket?.connected) return; // Joined (again) on the next connect.
  // Refusals (NOT_FOUND for a thread the user may not read) need no handling: nothing will arrive.
  const ignore = () => undefined;
  if (kind === 'thread') {
    if (action === 'subscribe') socket.emit('thread.subscribe', { threadId: id }, ignore);
    else socket.emit('thread.unsubscribe', { threadId: id }, ignore);
  } else if (kind === 'forum') {
    if (action === 'subscribe') socket.emit('forum.subscribe', { forumId: id }, ignore);
    else socket.emit('forum.unsubscribe', { forumId: id }, ignore);
  } else if (action === 'subscribe') socket.emit('visit.subscribe', { visitId: id }, ignore);
  else socket.emit('visit.unsubscribe', { visitId: id }, ignore);
}

function clearRetry(): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
}

function scheduleConnect(delay: number): void {
  clearRetry();
  const current = socket;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (current && current === socket && !current.connected) current.connect();
  }, delay);
}

/** The server refused the handshake: renew the session for an expired token, then try again after a pause. */
function handleRefusal(error: Error): void {
  const current = socket;
  if (!current) return;
  const code = (error as Error & { data?: { code?: unknown } }).data?.code;
  const delay = retryDelay(failures);
  failures += 1;
  setStatus('connecting');
  if (typeof code !== 'string' || !AUTH_CODES.has(code)) {
    scheduleConnect(Math.max(delay, RETRY_BASE_MS));
    return;
  }
  refreshSession().then(
    (auth) => {
      if (current !== socket) return;
      if (auth) scheduleConnect(delay);
      else stopRealtime(); // The session is over; `useRealtimeSession` hears it too.
    },
    () => {
      if (current === socket) scheduleConnect(Math.max(delay, RETRY_BASE_MS)); // Offline: try later.
    },
  );
}

function createSocket(): NotificationsSocket {
  const created: NotificationsSocket = io(Namespaces.notifications, {
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    autoConnect: false,
    // A function, so that every reconnect presents the token of that moment.
    auth: (cb) => cb({ token: getAccessToken() }),
  });

  created.on('connect', () => {
    failures = 0;
    clearRetry();
    setStatus('connected');
    for (const room of rooms.values()) emitRoom(room.kind, room.id, 'subscribe');
    if (hasConnected) {
      for (const listener of [...reconnectListeners]) listener();
    }
    hasConnected = true;
  });

  created.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') {
      setStatus('disconnected');
      return;
    }
    setStatus('connecting');
    // The server closed the socket: socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') {
      const delay = Math.max(retryDelay(failures), RETRY_BASE_MS);
      failures += 1;
      scheduleConnect(delay);
    }
  });

  created.on('connect_error', (error) => {
    // While `active`, socket.io retries by itself (network trouble); otherwise the server refused us.
    if (created.active) {
      setStatus('connecting');
      return;
    }
    handleRefusal(error);
  });

  return created;
}

/** Opens the connection (once; later calls do nothing while it exists). */
export function startRealtime(): void {
  if (socket) return;
  socket = createSocket();
  forwarded.clear();
  for (const event of eventListeners.keys()) forward(event);
  stopSessionWatch = onSessionEvent((event) => {
    if (event.type === 'ended') stopRealtime();
    // A renewed token while waiting to retry a refused handshake: no need to wait any longer.
    else if (retryTimer !== null && socket && !socket.connected) scheduleConnect(0);
  });
  setStatus('connecting');
  socket.connect();
}

/** Closes the connection (sign-out). Components keep their subscriptions for the next session. */
export function stopRealtime(): void {
  clearRetry();
  stopSessionWatch?.();
  stopSessionWatch = null;
  const current = socket;
  socket = null;
  forwarded.clear();
  hasConnected = false;
  failures = 0;
  if (current) {
    current.off();
    current.disconnect();
  }
  setStatus('disconnected');
}

/** Keeps the connection open while `userId` is signed in; a different user gets a fresh connection. */
export function useRealtimeSession(userId: string | null | undefined): void {
  useEffect(() => {
    if (!userId) return undefined;
    startRealtime();
    return () => stopRealtime();
  }, [userId]);
}

function subscribeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}

function getStatus(): RealtimeStatus {
  return status;
}

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(subscribeStatus, getStatus, getStatus);
}

/** Adds a listener for a server event; returns the function that removes it. */
export function addRealtimeListener<E extends ServerEvent>(
  event: E,
  listener: NotificationsServerEvents[E],
): () => void {
  let listeners = eventListeners.get(event);
  if (!listeners) {
    listeners = new Set();
    eventListeners.set(event, listeners);
  }
  listeners.add(listener as Listener);
  forward(event);
  return () => {
    listeners.delete(listener as Listener);
  };
}

/**
 * Calls `handler` for each `event` the server sends while the component is mounted. The latest handler
 * is called, without subscribing again when it changes between renders.
 */
export function useRealtimeEvent<E extends ServerEvent>(event: E, handler: NotificationsServerEvents[E]): void {
  const onEvent = useEffectEvent((...args: unknown[]) => (handler as Listener)(...args));
  useEffect(
    () => addRealtimeListener(event, ((...args: unknown[]) => onEvent(...args)) as NotificationsServerEvents[E]),
    [event],
  );
}

/** Fires on every reconnect after the first connect, so that features can refetch what they missed. */
export function onRealtimeReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

function followRoom(kind: RoomKind, id: string): () => void {
  const key = `${kind}:${id}`;
  const room = rooms.get(key);
  if (room) room.count += 1;
  else {
    rooms.set(key, { kind, id, count: 1 });
    emitRoom(kind, id, 'subscribe');
  }
  return () => {
    const current = rooms.get(key);
    if (!current) return;
    current.count -= 1;
    if (current.count > 0) return;
    rooms.delete(key);
    emitRoom(kind, id, 'unsubscribe');
  };
}

/** Follows a thread's `thread.changed` events while mounted (and joins it again after each reconnect). */
export function useThreadSubscription(threadId: string | undefined): void {
  useEffect(() => (threadId ? followRoom('thread', threadId) : undefined), [threadId]);
}

/** Follows a forum's `forum.changed` events while mounted (and joins it again after each reconnect). */
export function useForumSubscription(forumId: string | undefined): void {
  useEffect(() => (forumId ? followRoom('forum', forumId) : undefined), [forumId]);
}

/** Follows a study visit's `visit.changed` events while mounted (and joins it again after each reconnect). */
export function useVisitSubscription(visitId: string | undefined): void {
  useEffect(() => (visitId ? followRoom('visit', visitId) : undefined), [visitId]);
}

/** For tests: close the connection and forget every listener and room. */
export function resetRealtimeForTests(): void {
  stopRealtime();
  statusListeners.clear();
  reconnectListeners.clear();
  eventListeners.clear();
  rooms.clear();
}
