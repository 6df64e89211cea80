import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationKind, NotificationPayloads } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { affectedRows } from '../common/sql';

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  payload: NotificationPayloads[NotificationKind];
  read_at: Date | null;
  created_at: Date;
  /** created_at as PostgreSQL prints it (microseconds kept), for cursors. */
  created_key?: string;
}

function toDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  } as NotificationDto;
}

/** A stored notification with its recipient, and its keyset key when read from a list. */
export interface StoredNotification {
  userId: string;
  notification: NotificationDto;
  createdKey?: string;
}

/** The notifications table. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the notifications in one statement. */
  async insert(
    manager: EntityManager,
    items: readonly { userId: string; kind: NotificationKind; payload: unknown }[],
  ): Promise<StoredNotification[]> {
    const rows: NotificationRow[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, payload)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[])
       RETURNING id, user_id, kind, payload, read_at, created_at`,
      [items.map((i) => i.userId), items.map((i) => i.kind), items.map((i) => JSON.stringify(i.payload))],
    );
    return rows.map((row) => ({ userId: row.user_id, notification: toDto(row) }));
  }

  /** The user's notifications, newest first; `after` is the previous page's last (created_key, id). */
  async page(filter: {
    userId: string;
    unread?: boolean;
    after: [string, string] | null;
    take: number;
  }): Promise<StoredNotification[]> {
    const params: unknown[] = [filter.userId];
    const where = ['user_id = $1'];
    if (filter.unread) where.push('read_at IS NULL');
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(created_at, id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(filter.take);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, user_id, kind, payload, read_at, created_at, created_at::text AS created_key FROM notifications
        WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ userId: row.user_id, notification: toDto(row), createdKey: row.created_key }));
  }

  /** Marks one of the user's notifications read; false when the user has no such notification. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return affectedRows(result) > 0;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
  }

  /** Unread counts of the given users (absent: none). */
  async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; count: number }[] = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS count FROM notifications
        WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.count]));
  }
}
