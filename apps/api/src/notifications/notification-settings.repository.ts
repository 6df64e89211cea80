import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_MAIL_DEFAULTS, type NotificationDelivery, type NotificationKind } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** Each kind's default as one JSON parameter, so SQL can fall back to it: `$n::jsonb ->> kind`. */
export const DEFAULTS_JSON = JSON.stringify(NOTIFICATION_MAIL_DEFAULTS);

/** `notification_settings`: the kinds whose delivery a user chose; the others follow the default. */
@Injectable()
export class NotificationSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user's chosen deliveries, by kind. */
  async chosen(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, NotificationDelivery>> {
    const rows: { kind: string; delivery: NotificationDelivery }[] = await manager.query(
      `SELECT kind, delivery FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.delivery]));
  }

  /** Sets the user's delivery of the given kinds, in one statement. */
  async upsert(
    manager: EntityManager,
    userId: string,
    settings: readonly { kind: NotificationKind; delivery: NotificationDelivery }[],
  ): Promise<void> {
    if (settings.length === 0) return;
    await manager.query(
      `INSERT INTO notification_settings (user_id, kind, delivery)
       SELECT $1, kind, delivery FROM unnest($2::varchar[], $3::varchar[]) AS s(kind, delivery)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, settings.map((s) => s.kind), settings.map((s) => s.delivery)],
    );
  }

  /** Whether the user exists (an unsubscribe token outlives a deleted account). */
  async userExists(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    return rows.length > 0;
  }
}
