import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailStatus } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutgoingMail } from './mail.types';

/** A stored mail, as the sender and the Outbox read it. */
export interface MailRow {
  id: string;
  message_id: string;
  user_id: string | null;
  to_address: string;
  category: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  calendar: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** The mail_messages table, and the recipient's bounce marker on users. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the mail with the given id and Message-ID. A mail to an account whose address bounces
   * is stored as `suppressed` (unless `evenIfBouncing`), in the same statement.
   */
  async insert(
    manager: EntityManager,
    row: { id: string; messageId: string; status: 'captured' | 'queued' },
    mail: OutgoingMail,
  ): Promise<'captured' | 'queued' | 'suppressed'> {
    const rows: { status: 'captured' | 'queued' | 'suppressed' }[] = await manager.query(
      `INSERT INTO mail_messages
         (id, message_id, user_id, to_address, category, subject, html, text, headers, calendar_method, calendar, status)
       SELECT $1, $2, $3::uuid, $4::text, $5, $6, $7, $8, $9::jsonb, $10, $11,
              CASE WHEN NOT $13::boolean AND EXISTS (
                     SELECT 1 FROM users u WHERE u.id = $3::uuid AND u.email = $4::text AND u.email_bouncing_at IS NOT NULL)
                   THEN 'suppressed' ELSE $12 END
       RETURNING status`,
      [
        row.id,
        row.messageId,
        mail.userId,
        mail.to.toLowerCase(),
        mail.category,
        mail.subject,
        mail.html,
        mail.text,
        JSON.stringify({ ...(mail.headers ?? {}), ...(mail.replyTo ? { 'Reply-To': mail.replyTo } : {}) }),
        mail.calendar?.method ?? null,
        mail.calendar?.content ?? null,
        row.status,
        mail.evenIfBouncing ?? false,
      ],
    );
    return rows[0].status;
  }

  /**
   * Takes a queued mail for one try, counting the attempt; null when it is no longer queued (sent
   * by an earlier try, failed, or gone), so an accepted mail is never sent again.
   */
  async claim(id: string): Promise<MailRow | null> {
    const [rows]: [MailRow[], number] = await this.dataSource.query(
      `UPDATE mail_messages SET attempts = attempts + 1 WHERE id = $1 AND status = 'queued' RETURNING *`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The server accepted the mail (250). */
  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_messages SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'queued'`,
      [id],
    );
  }

  /** A temporary failure: the mail stays queued for the next try. */
  async recordError(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_messages SET last_error = $2 WHERE id = $1`, [id, error]);
  }

  /**
   * A permanent failure. With `bounce`, the recipient's account is marked as bouncing when the
   * refused address is still that account's address (in the same transaction).
   */
  async markFailed(id: string, error: string, bounce: { userId: string; address: string } | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE mail_messages SET status = 'failed', last_error = $2 WHERE id = $1`, [id, error]);
      if (bounce) {
        await manager.query(
          `UPDATE users SET email_bouncing_at = now(), email_bounce_reason = $3
            WHERE id = $1 AND email = $2 AND email_bouncing_at IS NULL`,
          [bounce.userId, bounce.address, error.slice(0, 500)],
        );
      }
    });
  }

  async findById(id: string): Promise<MailRow | null> {
    const rows: MailRow[] = await this.dataSource.query(`SELECT * FROM mail_messages WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Captured and sent mail, newest first, for the Outbox; `after` is the previous page's last (created_at, id). */
  async page(filter: {
    to?: string;
    after: [string, string] | null;
    take: number;
  }): Promise<(MailRow & { created_key: string })[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.to) {
      params.push(filter.to.toLowerCase());
      where.push(`to_address = $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.take);
    return this.dataSource.query(
      `SELECT id, message_id, user_id, to_address, category, subject, status, created_at, sent_at,
              created_at::text AS created_key
         FROM mail_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
