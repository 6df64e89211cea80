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
import { decodeCursor, keysetPage } from '../common/cursor';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { NotificationMailService } from './notification-mail.service';
import { NotificationsRepository } from './notifications.repository';

/** A notification to create: its recipient, kind and the payload that kind carries. */
export type NewNotification = {
  [K in NotificationKind]: { userId: string; kind: K; payload: NotificationPayloads[K] };
}[NotificationKind];

/** Notifications created inside a transaction, to publish once it has committed. */
export interface CreatedNotifications {
  readonly items: { userId: string; notification: NotificationDto }[];
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
    private readonly notifications: NotificationsRepository,
    private readonly publisher: NotificationsPublisher,
    private readonly mail: NotificationMailService,
  ) {}

  /**
   * Inserts the notifications in one statement and, in the same transaction, schedules the mail of
   * those their recipients get immediately. Nobody is notified of their own action.
   */
  async create(manager: EntityManager, items: NewNotification[], actorId?: string): Promise<CreatedNotifications> {
    const wanted = items.filter((item) => item.userId !== actorId);
    if (wanted.length === 0) return { items: [] };
    const created = await this.notifications.insert(manager, wanted);
    await this.mail.schedule(manager, created);
    return { items: created };
  }

  /** Call after the transaction that created them committed. Never throws: delivery is best effort. */
  async publish(created: CreatedNotifications): Promise<void> {
    if (created.items.length === 0) return;
    try {
      const userIds = [...new Set(created.items.map((i) => i.userId))];
      const counts = await this.notifications.unreadCounts(userIds);
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
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.notifications.page({ userId: user.id, unread: query.unread, after, take: limit + 1 });
    return keysetPage(
      rows,
      limit,
      (row) => row.notification,
      (row) => [row.createdKey ?? '', row.notification.id],
    );
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return (await this.notifications.unreadCounts([user.id])).get(user.id) ?? 0;
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw AppError.notFound('Notification');
    this.publisher.notificationRead(user.id, await this.unreadCount(user));
  }

  async markAllRead(user: AuthUser): Promise<number> {
    await this.notifications.markAllRead(user.id);
    this.publisher.notificationRead(user.id, 0);
    return 0;
  }
}
