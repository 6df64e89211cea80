import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationPayloads } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql';
import type { MailedNotification, MailRecipient } from './notification-mail-content';
import { DEFAULTS_JSON } from './notification-settings.repository';

interface ClaimedRow {
  id: string;
  kind: NotificationKind;
  payload: NotificationPayloads[NotificationKind];
  created_at: Date;
}

const THREAD_KINDS_SQL = `('forum.reply', 'forum.mention')`;

/** What the immediate-mail job reads and marks: who gets mail, and which notifications went out. */
@Injectable()
export class NotificationMailRepository {
  /**
   * Of the new notifications, those whose recipient has a verified address and gets their kind
   * immediately (their choice, else the kind's default). One query for the whole batch.
   */
  async immediate(
    manager: EntityManager,
    items: readonly { id: string; userId: string; kind: NotificationKind }[],
  ): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT n.id FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS n(id, user_id, kind)
         JOIN users u ON u.id = n.user_id AND u.email_verified_at IS NOT NULL
         LEFT JOIN notification_settings s ON s.user_id = n.user_id AND s.kind = n.kind
        WHERE coalesce(s.delivery, $4::jsonb ->> n.kind) = 'immediately'`,
      [items.map((i) => i.id), items.map((i) => i.userId), items.map((i) => i.kind), DEFAULTS_JSON],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The recipient, when their address is verified (no notification mail otherwise). */
  async recipient(manager: EntityManager, userId: string): Promise<MailRecipient | null> {
    const rows: { id: string; email: string; language: string; time_zone: string }[] = await manager.query(
      `SELECT id, email, preferred_language AS language, time_zone FROM users
        WHERE id = $1 AND email_verified_at IS NOT NULL`,
      [userId],
    );
    const row = rows[0];
    return row ? { id: row.id, email: row.email, language: row.language, timeZone: row.time_zone } : null;
  }

  /**
   * Marks as mailed and returns, oldest first, what one mail carries: the notification, or every
   * notification of the thread for the user. Only those still unread, not mailed yet, still
   * delivered immediately and, for a thread, about a post past the user's read position
   * (`thread_reads.last_read_seq`). Rows another job holds are skipped, so nothing goes out twice.
   */
  async claim(
    manager: EntityManager,
    job: { userId: string; threadId: string | null; notificationId: string },
  ): Promise<MailedNotification[]> {
    const which = job.threadId
      ? `n.kind IN ${THREAD_KINDS_SQL} AND n.payload -> 'thread' ->> 'id' = $2`
      : `n.id = $2::uuid`;
    const result: unknown = await manager.query(
      `WITH picked AS (
           SELECT n.id FROM notifications n
             LEFT JOIN notification_settings s ON s.user_id = n.user_id AND s.kind = n.kind
            WHERE n.user_id = $1 AND n.mailed_at IS NULL AND n.read_at IS NULL AND ${which}
              AND coalesce(s.delivery, $3::jsonb ->> n.kind) = 'immediately'
              AND (n.kind NOT IN ${THREAD_KINDS_SQL} OR (n.payload ->> 'seq')::int > coalesce((
                    SELECT r.last_read_seq FROM thread_reads r
                     WHERE r.user_id = n.user_id AND r.thread_id = (n.payload -> 'thread' ->> 'id')::uuid), 0))
            FOR UPDATE OF n SKIP LOCKED)
         UPDATE notifications n SET mailed_at = now() FROM picked WHERE n.id = picked.id
         RETURNING n.id, n.kind, n.payload, n.created_at`,
      [job.userId, job.threadId ?? job.notificationId, DEFAULTS_JSON],
    );
    return returnedRows<ClaimedRow>(result)
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, kind: r.kind, payload: r.payload }) as MailedNotification);
  }
}
