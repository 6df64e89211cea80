import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { classifySmtpError, MAIL_RETRY_LIMIT } from './mail-retry';
import { MailRepository, type MailRow } from './mail.repository';

/** The queue of mails to send; each job carries one `mail_messages` id. */
export const MAIL_SEND_QUEUE = 'mail.send';

export interface MailSendJob {
  mailId: string;
}

/** How long to keep trying to record "sent" (the database restarting) before letting the job retry. */
const MARK_SENT_ATTEMPTS = 8;

/**
 * Sends queued mail through SMTP_URL (pooled connections, DKIM when configured). Each job claims
 * its row first (`queued` → one more attempt), so a mail already accepted is never sent again, and
 * records `sent` the moment the server answered 250.
 *
 * The one window left: the process dies (or the database stays unreachable for longer than the
 * retries of `markSent`) after the server accepted the mail and before `sent` is written. The job
 * then runs again once it expires, and the mail goes out a second time with the same Message-ID,
 * which lets mail clients that de-duplicate drop it. Delivery is therefore at least once, with a
 * window of milliseconds for a duplicate and none for a loss.
 *
 * Temporary failures (no connection, 4xx) throw, and pg-boss retries the job with exponential
 * back-off (`mail-retry.ts`); the last allowed try marks the mail failed. A 5xx at RCPT TO marks
 * the mail failed and the recipient's account as bouncing; later mail to it is stored suppressed.
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private transport: Transporter | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: MailRepository,
    private readonly jobs: JobsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.mail.mode !== 'smtp') return;
    await this.jobs.work<MailSendJob>(MAIL_SEND_QUEUE, (job) => this.deliver(job.data.mailId), {
      batchSize: 10,
      concurrency: 2,
    });
  }

  beforeApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }

  /** One try at sending one mail. Throws on a temporary failure, so that the job is retried. */
  async deliver(mailId: string): Promise<void> {
    const mail = await this.mails.claim(mailId);
    if (!mail) return; // sent, failed or gone: nothing to do, ever
    try {
      await this.smtp().sendMail(this.message(mail));
    } catch (error) {
      await this.failed(mail, error);
      return;
    }
    await this.markSent(mail.id);
  }

  private async failed(mail: MailRow, error: unknown): Promise<void> {
    const reason = describe(error);
    const kind = classifySmtpError(error);
    // `attempts` counts this try: the first try and MAIL_RETRY_LIMIT retries may fail temporarily
    if (kind === 'temporary' && mail.attempts <= MAIL_RETRY_LIMIT) {
      await this.mails.recordError(mail.id, reason);
      throw new Error(`SMTP: ${reason}`);
    }
    const bounce = kind === 'bounce' && mail.user_id ? { userId: mail.user_id, address: mail.to_address } : null;
    this.logger.warn(`Mail ${mail.id} to ${mail.to_address} failed (${kind}): ${reason}`);
    await this.mails.markFailed(mail.id, reason, bounce);
  }

  private async markSent(id: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.mails.markSent(id);
        return;
      } catch (error) {
        if (attempt >= MARK_SENT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  private message(mail: MailRow): SendMailOptions {
    const { 'Reply-To': replyTo, ...headers } = mail.headers;
    return {
      from: this.config.mail.from,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.message_id,
      date: mail.created_at,
      headers,
      ...(replyTo ? { replyTo } : {}),
      ...(mail.calendar && mail.calendar_method
        ? { icalEvent: { method: mail.calendar_method, content: mail.calendar } }
        : {}),
    };
  }

  private smtp(): Transporter {
    if (!this.transport) {
      const { smtpUrl, dkim } = this.config.mail;
      this.transport = createTransport({
        url: smtpUrl ?? undefined,
        pool: true,
        maxConnections: 5,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
        ...(dkim ? { dkim } : {}),
      } as Parameters<typeof createTransport>[0]);
      // A pooled transport reports broken idle connections as events; the next send reconnects.
      this.transport.on('error', (error: Error) => this.logger.warn(`SMTP pool: ${error.message}`));
    }
    return this.transport;
  }
}

function describe(error: unknown): string {
  const e = error as { response?: string; message?: string; responseCode?: number; command?: string };
  const text = e?.response ?? e?.message ?? String(error);
  return (e?.command ? `${e.command}: ${text}` : text).slice(0, 1000);
}
