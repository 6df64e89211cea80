import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailRepository } from './mail.repository';
import type { EnqueuedMail, OutgoingMail } from './mail.types';

/**
 * The one way to write a mail. Callers render it (`renderMail`) and call `enqueue` inside the
 * transaction that causes it, so the mail exists exactly when that transaction commits. Outside
 * production without SMTP_URL the row is the captured mail the Outbox shows; with SMTP_URL it is
 * queued for the sender; with MAIL_DISABLED nothing is written.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: MailRepository,
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
    return { id, messageId, status };
  }
}
