import type { NotificationsServerEvents, WorkshopServerEvents } from '@twinning/contracts';

/**
 * A stand-in for `socket.io-client` (see test-setup: every spec gets it instead of the real module, so no
 * test opens a network connection). It records what the app sends and lets a spec play the server.
 */

type Handler = (...args: unknown[]) => void;
type ServerEvents = NotificationsServerEvents & WorkshopServerEvents;
/** Plays the server's answer to a client event: the ack to send, or `undefined` to leave it unanswered. */
export type AckResponder = (payload: unknown) => unknown;

export interface FakeSocketOptions {
  path?: string;
  transports?: string[];
  autoConnect?: boolean;
  auth?: ((cb: (data: object) => void) => void) | Record<string, unknown>;
}

export interface EmittedEvent {
  event: string;
  payload: unknown;
  ack?: Handler;
}

/** Whether `connect()` succeeds by itself (on the next microtask). Specs of the connection turn it off. */
export const fakeSocketSettings = { autoConnect: true };

export class FakeSocket {
  readonly url: string;
  readonly options: FakeSocketOptions;
  connected = false;
  /** Like socket.io: true while the socket is connected or will retry by itself. */
  active = false;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly emitted: EmittedEvent[] = [];
  /** The auth payloads sent with each handshake. */
  readonly handshakes: object[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly responders = new Map<string, AckResponder>();

  constructor(url: string, options: FakeSocketOptions) {
    this.url = url;
    this.options = options;
  }

  on(event: string, handler: Handler): this {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return this;
  }

  off(event?: string, handler?: Handler): this {
    if (event === undefined) this.handlers.clear();
    else if (handler === undefined) this.handlers.delete(event);
    else this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, payload: unknown, ack?: Handler): this {
    this.emitted.push({ event, payload, ack });
    const responder = this.responders.get(event);
    if (!responder) ack?.({ ok: true });
    else {
      const answer = responder(payload);
      if (answer !== undefined) ack?.(answer);
    }
    return this;
  }

  /** From now on, answers `event` with what `responder` returns (instead of `{ ok: true }`). */
  respond(event: string, responder: AckResponder): this {
    this.responders.set(event, responder);
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    const auth = this.options.auth;
    if (typeof auth === 'function') auth((data) => this.handshakes.push(data));
    else if (auth) this.handshakes.push(auth);
    if (fakeSocketSettings.autoConnect) queueMicrotask(() => this.serverAccept());
    return this;
  }

  disconnect(): this {
    this.disconnectCalls += 1;
    const wasConnected = this.connected;
    this.connected = false;
    this.active = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** The server accepts the handshake. */
  serverAccept(): void {
    if (!this.active || this.connected) return;
    this.connected = true;
    this.fire('connect');
  }

  /** The server refuses the handshake (middleware error): socket.io does not retry by itself. */
  serverRefuse(data: { code: string; message?: string }): void {
    this.active = false;
    const error = Object.assign(new Error(data.message ?? data.code), { data });
    this.fire('connect_error', error);
  }

  /** The connection dropped (network): socket.io keeps retrying. */
  dropConnection(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** The server closed this socket: socket.io does not reconnect by itself. */
  serverDisconnect(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  /** The server sends an event to this socket. */
  serverEmit<E extends keyof ServerEvents>(event: E, ...args: Parameters<ServerEvents[E]>): void {
    this.fire(event, ...args);
  }

  /** Events the app sent with this name. */
  sent(event: string): unknown[] {
    return this.emitted.filter((entry) => entry.event === event).map((entry) => entry.payload);
  }

  listenerCount(event: string): number {
    return this.handlers.get(event)?.size ?? 0;
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

export const fakeSockets: FakeSocket[] = [];

/** The socket the app opened last. */
export function latestSocket(): FakeSocket {
  const socket = fakeSockets[fakeSockets.length - 1];
  if (!socket) throw new Error('The app opened no socket');
  return socket;
}

/** The socket the app opened last to `url` (a namespace such as `/workshops`). */
export function socketFor(url: string): FakeSocket {
  const socket = fakeSockets.filter((candidate) => candidate.url === url).pop();
  if (!socket) throw new Error(`The app opened no socket to ${url}`);
  return socket;
}

export function resetFakeSockets(): void {
  fakeSockets.length = 0;
  fakeSocketSettings.autoConnect = true;
}

/** Replaces `io()` from socket.io-client. */
export function io(url: string, options: FakeSocketOptions = {}): FakeSocket {
  const socket = new FakeSocket(url, options);
  fakeSockets.push(socket);
  if (options.autoConnect !== false) socket.connect();
  return socket;
}
