import { Inject, Injectable } from '@nestjs/common';
import { PAGE_SIZE_DEFAULT, type OutboxMailDetailDto, type OutboxMailDto, type Page } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailRepository, type MailRow } from './mail.repository';

/**
 * The development Outbox: every mail written outside production (captured, or sent through a test
 * SMTP server), open without signing in like a local mail catcher. Production answers 404, so
 * nobody's mail is ever readable there.
 */
@Injectable()
export class OutboxService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: MailRepository,
  ) {}

  async list(query: { to?: string; cursor?: string; limit?: number }): Promise<Page<OutboxMailDto>> {
    this.requireOpen();
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.mails.page({ to: query.to?.trim() || undefined, after, take: limit + 1 });
    return keysetPage(rows, limit, toOutboxMail, (row) => [row.created_key, row.id]);
  }

  async get(id: string): Promise<OutboxMailDetailDto> {
    this.requireOpen();
    const row = await this.mails.findById(id);
    if (!row) throw AppError.notFound('Mail');
    return {
      ...toOutboxMail(row),
      html: row.html,
      text: row.text,
      headers: row.headers,
      calendar: row.calendar && row.calendar_method ? { method: row.calendar_method, content: row.calendar } : null,
    };
  }

  private requireOpen(): void {
    if (this.config.nodeEnv === 'production') throw AppError.notFound('Route');
  }
}

function toOutboxMail(row: MailRow): OutboxMailDto {
  return {
    id: row.id,
    messageId: row.message_id,
    to: row.to_address,
    category: row.category,
    subject: row.subject,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  };
}
