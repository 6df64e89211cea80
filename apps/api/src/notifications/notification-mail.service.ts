import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReplyAddressService } from '../inbound';
import { MailService, renderMail } from '../mail';
import { buildNotificationMail } from './notification-mail-content';
import { NotificationMailQueue, type NotificationMailJob } from './notification-mail.queue';
import { NotificationMailRepository } from './notification-mail.repository';
import { UnsubscribeTokens } from './unsubscribe-token';

/**
 * Immediate notification mail. `schedule` runs inside the transaction that creates notifications
 * and enqueues a delayed job per recipient whose delivery of that kind is `immediately` (one
 * query for the settings, one statement for the jobs). When the job runs, `deliver` drops what was read meanwhile, gathers a
 * thread's notifications into one mail, and records what it mailed so nothing goes out twice.
 */
@Injectable()
export class NotificationMailService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationMailRepository,
    private readonly queue: NotificationMailQueue,
    private readonly mail: MailService,
    private readonly tokens: UnsubscribeTokens,
    private readonly replyAddresses: ReplyAddressService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work((job) => this.deliver(job));
  }

  async schedule(manager: EntityManager, created: readonly { userId: string; notification: NotificationDto }[]) {
    if (created.length === 0 || this.config.mail.mode === 'disabled') return;
    const wanted = await this.repository.immediate(
      manager,
      created.map(({ userId, notification }) => ({ id: notification.id, userId, kind: notification.kind })),
    );
    const delay = this.config.mail.immediateDelaySeconds;
    // Thread mail collapses per window: every notification of a thread for a user within one delay
    // window shares one job (the job gathers them all). The key names the window, because the queue
    // keeps a key taken for days.
    const window = delay > 0 ? Math.floor(Date.now() / 1000 / delay) : null;
    const jobs = created
      .filter(({ notification }) => wanted.has(notification.id))
      .map(({ userId, notification }) => {
        const threadId =
          notification.kind === 'forum.reply' || notification.kind === 'forum.mention'
            ? notification.payload.thread.id
            : null;
        return {
          job: { userId, threadId, notificationId: notification.id },
          // a workshop going live is worth nothing five minutes later
          startAfterSeconds: notification.kind === 'workshop.live' ? 0 : delay,
          singletonKey: threadId && window !== null ? `${userId}:thread:${threadId}:${window}` : undefined,
        };
      });
    await this.queue.send(manager, jobs);
  }

  /** The job: mails what is still unread and unmailed (nothing when the address is not verified). */
  async deliver(job: NotificationMailJob): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const recipient = await this.repository.recipient(manager, job.userId);
      if (!recipient) return;
      const items = await this.repository.claim(manager, job);
      if (items.length === 0) return;
      const replyAddress = job.threadId
        ? await this.replyAddresses.replyAddressFor(manager, recipient.id, job.threadId)
        : null;
      const mail = buildNotificationMail({
        recipient,
        items,
        publicUrl: this.config.publicUrl,
        unsubscribeToken: (kind) => this.tokens.sign(recipient.id, kind),
        mailDomain: this.config.mail.fromAddress.split('@')[1] ?? 'twinning.invalid',
        replyAddress,
      });
      const { html, text } = renderMail(mail.content);
      await this.mail.enqueue(manager, {
        to: recipient.email,
        userId: recipient.id,
        category: `notification.${mail.kind}`,
        subject: mail.subject,
        html,
        text,
        headers: mail.headers,
        replyTo: mail.replyTo,
      });
    });
  }
}
