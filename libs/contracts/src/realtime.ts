import type { ApiError } from './errors';
import type { NotificationDto } from './notifications';

/** socket.io namespaces. Every handshake sends `auth: { token }` with a valid access token. */
export const Namespaces = {
  notifications: '/notifications',
  workshops: '/workshops',
} as const;

/** Acknowledgement of every client → server event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** What changed in a thread; clients refetch what they show (the server re-checks access). */
export type ThreadChange = 'post.created' | 'post.updated' | 'thread.updated';

/**
 * What changed in a study visit: its details, its state, the date poll's votes, the chosen dates,
 * the agenda, the registrations (places, waitlist, roster) or the report. Clients refetch what
 * they show (the server re-checks access).
 */
export type VisitChange = 'details' | 'status' | 'poll' | 'dates' | 'agenda' | 'registrations' | 'report';

/** Events the server sends on /notifications. */
export interface NotificationsServerEvents {
  'session.ready': (payload: { userId: string }) => void;
  /** A notification for this user, sent after its transaction committed. */
  'notification.created': (payload: { notification: NotificationDto; unreadCount: number }) => void;
  /** The user's unread count changed elsewhere (marked read in another tab). */
  'notification.read': (payload: { unreadCount: number }) => void;
  /** Something changed in a thread this socket subscribed to. */
  'thread.changed': (payload: {
    threadId: string;
    forumId: string;
    change: ThreadChange;
    lastSeq: number;
    postId: string | null;
  }) => void;
  /** A thread was created or received a post in a forum this socket subscribed to. */
  'forum.changed': (payload: { forumId: string; threadId: string }) => void;
  /** Something changed in a study visit this socket subscribed to. */
  'visit.changed': (payload: { visitId: string; change: VisitChange }) => void;
}

/** Events the client may send on /notifications. */
export interface NotificationsClientEvents {
  'session.ping': (payload: Record<string, never>, ack: (res: Ack<{ at: string }>) => void) => void;
  /** Follow a thread or forum the user may read; refused with NOT_FOUND otherwise. */
  'thread.subscribe': (payload: { threadId: string }, ack: (res: Ack) => void) => void;
  'thread.unsubscribe': (payload: { threadId: string }, ack: (res: Ack) => void) => void;
  'forum.subscribe': (payload: { forumId: string }, ack: (res: Ack) => void) => void;
  'forum.unsubscribe': (payload: { forumId: string }, ack: (res: Ack) => void) => void;
  /** Follow a study visit the user may see (its partnership's private content); NOT_FOUND otherwise. */
  'visit.subscribe': (payload: { visitId: string }, ack: (res: Ack) => void) => void;
  'visit.unsubscribe': (payload: { visitId: string }, ack: (res: Ack) => void) => void;
}
