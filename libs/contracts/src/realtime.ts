import type { ApiError } from './errors';

/** socket.io namespaces. Every handshake sends `auth: { token }` with a valid access token. */
export const Namespaces = {
  notifications: '/notifications',
  workshops: '/workshops',
} as const;

/** Acknowledgement of every client → server event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** Events the server sends on /notifications. */
export interface NotificationsServerEvents {
  'session.ready': (payload: { userId: string }) => void;
}

/** Events the client may send on /notifications. */
export interface NotificationsClientEvents {
  'session.ping': (payload: Record<string, never>, ack: (res: Ack<{ at: string }>) => void) => void;
}
