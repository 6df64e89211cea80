import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PAGE_SIZE_DEFAULT,
  type NotificationDto,
  type NotificationKind,
  type NotificationPayloads,
  type Page,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { affectedRows } from '../common/sql';
import { NotificationsPublisher } from '../realtime/notifications.publisher';

/** A notification to create: its recipient, kind and the payload that kind carries. */
export type NewNotification = {
  [K in NotificationKind]: { userId: string; kind: K; payload: NotificationPayloads[K] };
}[NotificationKind];

/** Notifications created inside a transaction, to publish once it has committed. */
export interface CreatedNotifications {
  readonly items: { userId: string; notification: NotificationDto }[];
}

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

/**
 * Persisted notifications. Features create them inside their own transaction with `create` and,
 * after it commits, hand the result to `publish`, which sends `notification.created` to each
 * recipient's room. A client that was offline reads what it missed from `list`.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: NotificationsPublisher,
  ) {}

  /** Inserts the notifications in one statement. Nobody is notified of their own action. */
  async create(manager: EntityManager, items: NewNotification[], actorId?: string): Promise<CreatedNotifications> {
    const wanted = items.filter((item) => item.userId !== actorId);
    if (wanted.length === 0) return { items: [] };
    const rows: NotificationRow[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, payload)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[])
       RETURNING id, user_id, kind, payload, read_at, created_at`,
      [wanted.map((i) => i.userId), wanted.map((i) => i.kind), wanted.map((i) => JSON.stringify(i.payload))],
    );
    return { items: rows.map((row) => ({ userId: row.user_id, notification: toDto(row) })) };
  }

  /** Call after the transaction that created them committed. Never throws: delivery is best effort. */
  async publish(created: CreatedNotifications): Promise<void> {
    if (created.items.length === 0) return;
    try {
      const userIds = [...new Set(created.items.map((i) => i.userId))];
      const counts = await this.unreadCounts(userIds);
      for (const { userId, notification } of created.items) {
        this.publisher.notificationCreated(userId, notification, counts.get(userId) ?? 0);
      }
    } catch (err) {
      this.logger.warn(`could not publish notifications: ${(err as Error).message}`);
    }
  }

  /** create + publish for callers without a transaction of their own. */
  async notify(items: NewNotification[], actorId?: string): Promise<void> {
    const created = await this.create(this.dataSource.manager, items, actorId);
    await this.publish(created);
  }

  async list(
    user: AuthUser,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<NotificationDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [user.id];
    const where = ['user_id = $1'];
    if (query.unread) where.push('read_at IS NULL');
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(created_at, id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, user_id, kind, payload, read_at, created_at, created_at::text AS created_key FROM notifications
        WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key ?? '', last.id]) : null,
    };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return (await this.unreadCounts([user.id])).get(user.id) ?? 0;
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, user.id],
    );
    if (affectedRows(result) === 0) throw AppError.notFound('Notification');
    this.publisher.notificationRead(user.id, await this.unreadCount(user));
  }

  async markAllRead(user: AuthUser): Promise<number> {
    await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      user.id,
    ]);
    this.publisher.notificationRead(user.id, 0);
    return 0;
  }

  private async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; count: number }[] = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS count FROM notifications
        WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.count]));
  }
}
