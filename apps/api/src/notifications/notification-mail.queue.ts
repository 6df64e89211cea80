import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const NOTIFICATION_MAIL_QUEUE = 'notification-mail';

/** One immediate mail to consider: a notification, or a user's notifications of one thread. */
export interface NotificationMailJob {
  userId: string;
  /** Set for thread kinds: the job mails every unread, unmailed notification of the thread. */
  threadId: string | null;
  notificationId: string;
}

/**
 * The one place immediate notification mail meets the job queue: `send` enqueues a delayed job in
 * the caller's transaction; `work` registers the handler.
 * TODO(jobs): until the JobsService of apps/api/src/jobs lands, nothing is enqueued and the
 * handler (`NotificationMailService.deliver`) is driven directly by tests.
 */
@Injectable()
export class NotificationMailQueue {
  async send(
    _manager: EntityManager,
    _job: NotificationMailJob,
    _opts: { startAfterSeconds: number; singletonKey: string },
  ): Promise<void> {
    // wired to JobsService.send(manager, NOTIFICATION_MAIL_QUEUE, job, { startAfter, singletonKey }) once it exists
  }

  async work(_handler: (job: NotificationMailJob) => Promise<void>): Promise<void> {
    // wired to JobsService.work(NOTIFICATION_MAIL_QUEUE, handler) once it exists
  }
}
