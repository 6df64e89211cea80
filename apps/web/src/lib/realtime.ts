import { Namespaces, type NotificationsServerEvents } from '@twinning/contracts';
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
// Types only: socket.io's client (and lib/socket) load on demand, once someone is signed in.
import type { AuthenticatedSocket, SocketStatus } from './socket';

/**
 * The app's single socket.io connection, to the `/notifications` namespace. It is open while someone is
 * signed in (see `useRealtimeSession`); the shared factory (`lib/socket`) authenticates each handshake,
 * renews the session when the server refuses an expired token and backs off. Here the connection
 * re-joins the threads, forums and visits that mounted components follow after every reconnect.
 * Features use the hooks below; none touches the socket itself.
 */

export type RealtimeStatus = SocketStatus;
type ServerEvent = keyof NotificationsServerEvents;
type Listener = (...args: unknown[]) => void;
type RoomKind = 'thread' | 'forum' | 'visit';

let connection: AuthenticatedSocket<typeof Namespaces.notifications> | null = null;
/** Set while the socket code is on its way; a stop meanwhile clears it, and the late start does nothing. */
let pendingStart: object | null = null;
type SocketModule = typeof import('./socket');
/** lib/socket once loaded (specs provide it up front, see provideSocketModule). */
let socketModule: SocketModule | null = null;

/** Makes the socket code available at once, so that `startRealtime` connects synchronously (unit tests). */
export function provideSocketModule(module: SocketModule): void {
  socketModule = module;
}
let status: RealtimeStatus = 'disconnected';
/** True once the current session's socket has connected: later connects are reconnects. */
let hasConnected = false;

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
  const socket = connection?.socket;
  if (!socket || forwarded.has(event)) return;
  forwarded.add(event);
  const dispatch: Listener = (...args) => {
    for (const listener of [...(eventListeners.get(event) ?? [])]) listener(...args);
  };
  socket.on(event, dispatch as NotificationsServerEvents[ServerEvent]);
}

function emitRoom(kind: RoomKind, id: string, action: 'subscribe' | 'unsubscribe'): void {
  const socket = connection?.socket;
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

function onConnect(): void {
  for (const room of rooms.values()) emitRoom(room.kind, room.id, 'subscribe');
  if (hasConnected) {
    for (const listener of [...reconnectListeners]) listener();
  }
  hasConnected = true;
}

/** Resolves once the page has finished loading (at once if it has). */
function afterPageLoad(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Opens the connection (once; later calls do nothing while it exists or is starting). The socket code
 * is fetched after the page's load event: the first page of a visit on a slow line does not wait for
 * it, and nothing live can be missed since every page reads its data over HTTP first.
 */
export function startRealtime(): void {
  if (connection || pendingStart) return;
  if (socketModule) {
    open(socketModule);
    return;
  }
  const start = {};
  pendingStart = start;
  void afterPageLoad()
    .then(() => import('./socket'))
    .then(
      (module) => {
        socketModule = module;
        if (pendingStart !== start) return;
        pendingStart = null;
        open(module);
      },
      () => {
        // Offline: the next sign-in or page load tries again.
        if (pendingStart === start) pendingStart = null;
      },
    );
}

function open({ openAuthenticatedSocket }: SocketModule): void {
  forwarded.clear();
  connection = openAuthenticatedSocket(Namespaces.notifications, {
    onConnect,
    onStatus: setStatus,
    // The session is over; `useRealtimeSession` hears it too.
    onSessionEnd: stopRealtime,
  });
  for (const event of eventListeners.keys()) forward(event);
}

/** Closes the connection (sign-out). Components keep their subscriptions for the next session. */
export function stopRealtime(): void {
  const current = connection;
  connection = null;
  pendingStart = null;
  forwarded.clear();
  hasConnected = false;
  current?.close();
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
