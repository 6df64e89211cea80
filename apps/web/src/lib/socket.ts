import type {
  Namespaces,
  NotificationsClientEvents,
  NotificationsServerEvents,
  WorkshopClientEvents,
  WorkshopServerEvents,
} from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import { AUTH_RETRY_CODES, getAccessToken, onSessionEvent, refreshSession } from './api-client';

/**
 * The one way the app opens a socket.io connection. Every namespace gets the same care: each handshake
 * presents the access token of that moment, a handshake refused for an expired token renews the session
 * and tries again, other refusals and server-side closes are retried after a growing pause, and the end
 * of the session (sign-out here or in another tab, or a session that cannot be renewed) closes it.
 * `lib/realtime` (the app's `/notifications` connection) and the live workshop room (`/workshops`) build
 * on it; neither handles the handshake itself.
 */

/** The event maps of each namespace, from the contracts. */
interface NamespaceEvents {
  [Namespaces.notifications]: { server: NotificationsServerEvents; client: NotificationsClientEvents };
  [Namespaces.workshops]: { server: WorkshopServerEvents; client: WorkshopClientEvents };
}

export type SocketNamespace = keyof NamespaceEvents;
export type TypedSocket<N extends SocketNamespace> = Socket<NamespaceEvents[N]['server'], NamespaceEvents[N]['client']>;
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** The first pause that is not zero, and the least one after a refusal that renewing cannot cure. */
export const RETRY_BASE_MS = 1_000;
/** The pauses double up to this ceiling. */
const RETRY_MAX_MS = 30_000;

/** Delay before the n-th consecutive retry after a refused handshake (0 for the first: the token had expired). */
export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
}

/** Consecutive failures, for the back-off. */
export class Backoff {
  private failures = 0;

  /** Counts one more failure and returns the pause before trying again (`retryDelay` of the failures before it). */
  next(): number {
    const delay = retryDelay(this.failures);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}

export interface AuthenticatedSocketOptions {
  /** Every successful handshake: the first connect and each reconnect. */
  onConnect?: () => void;
  /** Every disconnect, with socket.io's reason (never after `close`: its listeners are gone by then). */
  onDisconnect?: (reason: Socket.DisconnectReason) => void;
  onStatus?: (status: SocketStatus) => void;
  /**
   * The session ended: signed out (here or in another tab), or a refused token that could not be renewed.
   * Called while the socket is still open, so that its owner may take its leave; the socket closes after.
   */
  onSessionEnd?: () => void;
  /**
   * When the back-off starts again: at every connect (default), or only when the owner calls
   * `backoff.reset()` (the live room does once its join succeeded, so a connect whose join keeps being
   * refused still waits longer each time).
   */
  resetBackoff?: 'onConnect' | 'byOwner';
}

export interface AuthenticatedSocket<N extends SocketNamespace> {
  /** The socket.io socket, typed for the namespace: `on` and `emit` through it, but never connect or disconnect it. */
  readonly socket: TypedSocket<N>;
  readonly status: SocketStatus;
  /** Shared with the owner, whose own retries (a refused join) count in the same back-off. */
  readonly backoff: Backoff;
  readonly closed: boolean;
  /** Closes for good: no more retries, no more session watch, every listener removed. Safe to call twice. */
  close(): void;
}

/** The interface language (the document's `lang`, which the i18n provider keeps current). */
function interfaceLanguage(): string | undefined {
  return typeof document !== 'undefined' && document.documentElement.lang ? document.documentElement.lang : undefined;
}

/**
 * Opens an authenticated socket to `namespace`. It starts connecting at once; listeners added right after
 * (in the same task) hear everything, since socket.io connects asynchronously.
 */
export function openAuthenticatedSocket<N extends SocketNamespace>(
  namespace: N,
  options: AuthenticatedSocketOptions = {},
): AuthenticatedSocket<N> {
  const socket: TypedSocket<N> = io(namespace, {
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    autoConnect: false,
    // A function, so that every reconnect presents the token of that moment, and the interface language of
    // that moment (a browser cannot set Accept-Language on a WebSocket): the server words its errors in it.
    auth: (cb) => cb({ token: getAccessToken(), language: interfaceLanguage() }),
  });
  const backoff = new Backoff();
  let status: SocketStatus = 'disconnected';
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function setStatus(next: SocketStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function clearRetry(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleConnect(delay: number): void {
    clearRetry();
    if (closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  }

  function close(): void {
    if (closed) return;
    closed = true;
    clearRetry();
    stopSessionWatch();
    socket.off();
    socket.disconnect();
    setStatus('disconnected');
  }

  function endSession(): void {
    if (closed) return;
    options.onSessionEnd?.();
    close();
  }

  /** The server refused the handshake: renew the session for an expired token, then try again after a pause. */
  function handleRefusal(error: Error): void {
    const code = (error as Error & { data?: { code?: unknown } }).data?.code;
    const delay = backoff.next();
    setStatus('connecting');
    if (typeof code !== 'string' || !AUTH_RETRY_CODES.has(code)) {
      scheduleConnect(Math.max(delay, RETRY_BASE_MS));
      return;
    }
    refreshSession().then(
      (auth) => {
        if (closed) return;
        if (auth) scheduleConnect(delay);
        else endSession();
      },
      () => scheduleConnect(Math.max(delay, RETRY_BASE_MS)), // Offline: try later.
    );
  }

  socket.on('connect', () => {
    if (options.resetBackoff !== 'byOwner') backoff.reset();
    clearRetry();
    setStatus('connected');
    options.onConnect?.();
  });

  socket.on('disconnect', (reason) => {
    setStatus(reason === 'io client disconnect' ? 'disconnected' : 'connecting');
    options.onDisconnect?.(reason);
    // The server closed the socket: socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') scheduleConnect(Math.max(backoff.next(), RETRY_BASE_MS));
  });

  socket.on('connect_error', (error) => {
    // While `active`, socket.io retries by itself (network trouble); otherwise the server refused us.
    if (socket.active) setStatus('connecting');
    else handleRefusal(error);
  });

  const stopSessionWatch = onSessionEvent((event) => {
    if (event.type === 'ended') endSession();
    // A renewed token while waiting to retry a refused handshake: no need to wait any longer.
    else if (retryTimer !== null && !socket.connected) scheduleConnect(0);
  });

  setStatus('connecting');
  socket.connect();

  return {
    socket,
    backoff,
    close,
    get status() {
      return status;
    },
    get closed() {
      return closed;
    },
  };
}
