import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobsService } from '../jobs';

export const NOTIFICATION_MAIL_QUEUE = 'notification.mail';

/** One immediate mail to consider: a notification, or a user's notifications of one thread. */
export interface NotificationMailJob {
  userId: string;
  /** Set for thread kinds: the job mails every unread, unmailed notification of the thread. */
  threadId: string | null;
  notificationId: string;
}

/**
 * The one place immediate notification mail meets the job queue: `send` writes delayed jobs (one
 * statement) in the caller's transaction; `work` runs the handler for each job on this instance.
 */
@Injectable()
export class NotificationMailQueue {
  constructor(private readonly jobs: JobsService) {}

  async send(
    manager: EntityManager,
    jobs: readonly { job: NotificationMailJob; startAfterSeconds: number; singletonKey?: string }[],
  ): Promise<void> {
    await this.jobs.sendMany(
      manager,
      NOTIFICATION_MAIL_QUEUE,
      jobs.map(({ job, startAfterSeconds, singletonKey }) => ({
        data: job,
        options: {
          startAfter: startAfterSeconds,
          singletonKey,
          // a failed render or a database hiccup: try again soon, a few times
          retryLimit: 5,
          retryDelaySeconds: 30,
          retryBackoff: true,
          // a killed process's job runs again within about a minute, not after the 15-minute expiry
          heartbeatSeconds: 30,
        },
      })),
    );
  }

  async work(handler: (job: NotificationMailJob) => Promise<void>): Promise<void> {
    await this.jobs.work<NotificationMailJob>(NOTIFICATION_MAIL_QUEUE, (job) => handler(job.data), {
      batchSize: 10,
      concurrency: 2,
    });
  }
}
