import { Injectable, Logger } from '@nestjs/common';
import type { NotificationDto, NotificationsServerEvents, ThreadChange, VisitChange } from '@twinning/contracts';
import type { Namespace } from 'socket.io';
import { Rooms } from './rooms';

type ServerEvent = keyof NotificationsServerEvents;
type Payload<E extends ServerEvent> = Parameters<NotificationsServerEvents[E]>[0];

/**
 * The only code that emits on /notifications. Services call it after their transaction has
 * committed, so a client never hears of something it cannot then read.
 */
@Injectable()
export class NotificationsPublisher {
  private readonly logger = new Logger(NotificationsPublisher.name);
  private namespace: Namespace | null = null;

  /** Called by the gateway once socket.io is ready. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  notificationCreated(userId: string, notification: NotificationDto, unreadCount: number): void {
    this.emit(Rooms.user(userId), 'notification.created', { notification, unreadCount });
  }

  notificationRead(userId: string, unreadCount: number): void {
    this.emit(Rooms.user(userId), 'notification.read', { unreadCount });
  }

  threadChanged(change: {
    threadId: string;
    forumId: string;
    change: ThreadChange;
    lastSeq: number;
    postId: string | null;
  }): void {
    this.emit(Rooms.thread(change.threadId), 'thread.changed', change);
    if (change.change === 'post.created') {
      this.emit(Rooms.forum(change.forumId), 'forum.changed', { forumId: change.forumId, threadId: change.threadId });
    }
  }

  visitChanged(visitId: string, change: VisitChange): void {
    this.emit(Rooms.visit(visitId), 'visit.changed', { visitId, change });
  }

  private emit<E extends ServerEvent>(room: string, event: E, payload: Payload<E>): void {
    if (!this.namespace) {
      this.logger.warn(`dropped ${event}: socket.io is not ready`);
      return;
    }
    this.namespace.to(room).emit(event, payload);
  }
}
