import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind, PlatformRole, UiLanguage } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A due zone and its period: the local date, and whether the weekly digest is due too (Monday). */
export interface DueZone {
  timeZone: string;
  localDate: string;
  weekly: boolean;
}

/** A notification a digest carries. */
export interface DigestNotification {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** A user whose digest is due, with the notifications of digest kinds created since their last digest. */
export interface DueUserRow {
  id: string;
  email: string;
  display_name: string;
  preferred_language: UiLanguage;
  time_zone: string;
  roles: PlatformRole[];
  local_date: string;
  weekly: boolean;
  /** Notifications to list (newest first, at most `listLimit`), and how many there are in all. */
  notifications: DigestNotification[];
  notification_count: number;
  has_daily: boolean;
  has_weekly: boolean;
  /** Where the previous daily and weekly digests ended (a day or a week ago without one). */
  daily_since: Date;
  weekly_since: Date;
}

export interface DueBatchQuery {
  zones: readonly DueZone[];
  now: Date;
  afterId: string | null;
  limit: number;
  listLimit: number;
  /** Each kind's default delivery, for kinds the user has no setting for. */
  defaults: Readonly<Record<string, string>>;
}

/** A claimed period: the row that keeps a second instance (or a second tick) from sending it again. */
export interface DigestClaim {
  userId: string;
  periodKey: string;
  daily: boolean;
  weekly: boolean;
  windowEnd: Date;
  /** The digest mail written in the claiming transaction, if any. */
  mailId?: string | null;
}

/*
 * $1 zones, $2 local dates, $3 weekly flags, $4 now, $5 after id, $6 batch size, $7 kinds, $8 their
 * default deliveries, $9 notifications listed per user. Users with a verified, non-bouncing address in
 * a due zone whose period is not yet claimed; for each, the unread notifications whose kind goes to
 * the daily digest (since the previous daily digest, or a day) or, on Mondays, the weekly one (since
 * the previous weekly digest, or a week), leaving out posts the reader has since read in the thread.
 */
const DUE_BATCH_SQL = `
WITH due AS (
  SELECT u.id, u.email, u.display_name, u.preferred_language, u.time_zone, u.roles, z.local_date, z.weekly
    FROM unnest($1::text[], $2::text[], $3::boolean[]) AS z(time_zone, local_date, weekly)
    JOIN users u ON u.time_zone = z.time_zone
   WHERE u.email_verified_at IS NOT NULL AND u.email_bouncing_at IS NULL
     AND ($5::uuid IS NULL OR u.id > $5::uuid)
     AND NOT EXISTS (SELECT 1 FROM digest_runs r WHERE r.user_id = u.id AND r.period_key = z.local_date)
   ORDER BY u.id
   LIMIT $6
)
SELECT d.*, prev.daily_since, prev.weekly_since, coalesce(n.items, '[]'::json) AS notifications,
       coalesce(n.total, 0)::int AS notification_count,
       coalesce(n.has_daily, false) AS has_daily, coalesce(n.has_weekly, false) AS has_weekly
  FROM due d
  CROSS JOIN LATERAL (
    SELECT coalesce(max(r.window_end) FILTER (WHERE r.daily), $4::timestamptz - interval '1 day') AS daily_since,
           coalesce(max(r.window_end) FILTER (WHERE r.weekly), $4::timestamptz - interval '7 days') AS weekly_since
      FROM digest_runs r WHERE r.user_id = d.id
  ) prev
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind, 'payload', x.payload,
                                      'createdAt', to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                    ORDER BY x.created_at DESC, x.id DESC) FILTER (WHERE x.rank <= $9) AS items,
           count(*) AS total,
           bool_or(x.delivery = 'daily') AS has_daily,
           bool_or(x.delivery = 'weekly') AS has_weekly
      FROM (
        SELECT nn.id, nn.kind, nn.payload, nn.created_at, coalesce(s.delivery, k.delivery) AS delivery,
               row_number() OVER (ORDER BY nn.created_at DESC, nn.id DESC) AS rank
          FROM notifications nn
          JOIN unnest($7::text[], $8::text[]) AS k(kind, delivery) ON k.kind = nn.kind
          LEFT JOIN notification_settings s ON s.user_id = nn.user_id AND s.kind = nn.kind
         WHERE nn.user_id = d.id AND nn.read_at IS NULL AND nn.created_at <= $4
           AND nn.created_at > least(prev.daily_since, prev.weekly_since)
           -- a post the reader has read in the thread is not news any more
           AND NOT EXISTS (
             SELECT 1 FROM thread_reads tr
              WHERE tr.user_id = nn.user_id AND tr.thread_id::text = nn.payload->'thread'->>'id'
                AND nn.payload->>'seq' ~ '^[0-9]{1,9}$' AND tr.last_read_seq >= (nn.payload->>'seq')::int)
           AND ((coalesce(s.delivery, k.delivery) = 'daily' AND nn.created_at > prev.daily_since)
             OR (d.weekly AND coalesce(s.delivery, k.delivery) = 'weekly' AND nn.created_at > prev.weekly_since))
      ) x
  ) n ON true
 ORDER BY d.id`;

/** The digest_runs table and the queries that find due users. */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The time zones of the users who may receive mail (verified, not bouncing). */
  async mailableTimeZones(): Promise<string[]> {
    const rows: { time_zone: string }[] = await this.dataSource.query(
      `SELECT DISTINCT time_zone FROM users WHERE email_verified_at IS NOT NULL AND email_bouncing_at IS NULL`,
    );
    return rows.map((r) => r.time_zone);
  }

  /** The next batch of due users (keyset on id), with what their digest would carry. One query. */
  dueBatch(query: DueBatchQuery): Promise<DueUserRow[]> {
    const kinds = Object.keys(query.defaults);
    return this.dataSource.query(DUE_BATCH_SQL, [
      query.zones.map((z) => z.timeZone),
      query.zones.map((z) => z.localDate),
      query.zones.map((z) => z.weekly),
      query.now,
      query.afterId,
      query.limit,
      kinds,
      kinds.map((k) => query.defaults[k]),
      query.listLimit,
    ]);
  }

  /**
   * Claims periods; answers the user ids claimed now (a period another instance or tick claimed
   * first is skipped; a concurrent claim waits for the other transaction and then skips).
   */
  async claim(manager: EntityManager, claims: readonly DigestClaim[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const rows: { user_id: string }[] = await manager.query(
      `INSERT INTO digest_runs (user_id, period_key, daily, weekly, window_end, mail_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::boolean[], $5::timestamptz[], $6::uuid[])
       ON CONFLICT (user_id, period_key) DO NOTHING
       RETURNING user_id`,
      [
        claims.map((c) => c.userId),
        claims.map((c) => c.periodKey),
        claims.map((c) => c.daily),
        claims.map((c) => c.weekly),
        claims.map((c) => c.windowEnd),
        claims.map((c) => c.mailId ?? null),
      ],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * Forgets periods claimed before `before` that a later period of the same user supersedes (the
   * latest period, and the latest weekly one, stay: the next digests start from them). Answers how
   * many rows went.
   */
  async prune(before: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM digest_runs r
          WHERE r.created_at < $1
            AND EXISTS (SELECT 1 FROM digest_runs n
                         WHERE n.user_id = r.user_id AND n.period_key > r.period_key AND (n.weekly OR NOT r.weekly))
         RETURNING 1)
       SELECT count(*)::int AS count FROM gone`,
      [before],
    );
    return (rows[0] as { count: number }).count;
  }
}
