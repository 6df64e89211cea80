import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { mailRetryOptions } from './mail-retry';
import { MAIL_SEND_QUEUE, type MailSendJob } from './mail-sender';
import { MailRepository } from './mail.repository';
import type { EnqueuedMail, OutgoingMail } from './mail.types';

/**
 * The one way to write a mail. Callers render it (`renderMail`) and call `enqueue` inside the
 * transaction that causes it, so the mail exists exactly when that transaction commits. Outside
 * production without SMTP_URL the row is the captured mail the Outbox shows; with SMTP_URL it is
 * queued, and a `mail.send` job for it is written in the same transaction (`MailSender` sends it);
 * with MAIL_DISABLED nothing is written.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: MailRepository,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mail.mode === 'disabled') {
      this.logger.warn('MAIL_DISABLED=true: no mail is sent or captured (verification and reset links never arrive)');
    }
  }

  async enqueue(manager: EntityManager, mail: OutgoingMail): Promise<EnqueuedMail> {
    const { mode, fromAddress } = this.config.mail;
    if (mode === 'disabled') return { id: null, messageId: null, status: 'disabled' };
    const id = randomUUID();
    const messageId = `<${id}@${fromAddress.split('@')[1]}>`;
    const status = await this.mails.insert(
      manager,
      { id, messageId, status: mode === 'smtp' ? 'queued' : 'captured' },
      mail,
    );
    if (status === 'queued') {
      const job: MailSendJob = { mailId: id };
      await this.jobs.send(manager, MAIL_SEND_QUEUE, job, mailRetryOptions(this.config.mail.retryDelaySeconds));
    }
    return { id, messageId, status };
  }
}
