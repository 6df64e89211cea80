import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Theme,
  WorkshopDto,
  WorkshopLanguage,
  WorkshopListWhen,
  WorkshopScope,
  WorkshopStatus,
  WorkshopSummaryDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { exactTime } from '../common/sql';
import { personJson } from '../common/person-sql';
import type { TranscriptHeader } from './workshop-transcript';
import { toDetail, toSummary, type MeetingContext, type WorkshopRow } from './workshop-rows';

interface ListOrder {
  /** Sort expression on alias w (never null). */
  expr: string;
  direction: 'ASC' | 'DESC';
  status: WorkshopStatus;
}

/**
 * upcoming: scheduled, soonest first; live: open now, most recently opened first; past: ended,
 * most recently ended first. The coalesce only guards rows written without the timestamp.
 */
const LIST_ORDERS: Record<WorkshopListWhen, ListOrder> = {
  upcoming: { expr: 'w.starts_at', direction: 'ASC', status: 'scheduled' },
  live: { expr: 'coalesce(w.opened_at, w.starts_at)', direction: 'DESC', status: 'live' },
  past: { expr: 'coalesce(w.ended_at, w.ends_at)', direction: 'DESC', status: 'ended' },
};

/**
 * Workshop columns with partnership, facilitators (aggregated in SQL) and the viewer's ($1)
 * attendance, so a page of any length is one statement. `messageCount` is `last_seq`: every
 * message the room numbered, deleted ones (tombstones) included.
 */
function workshopSelect(detail: boolean, sortExpr = 'w.starts_at'): string {
  return `
  SELECT w.id, w.title, w.theme, w.language, w.scope, w.partnership_id, p.title AS partnership_title,
         w.city_id, wc.slug AS city_slug, wc.name AS city_name,
         w.status, w.starts_at, w.ends_at, w.opened_at, w.ended_at, w.capacity, w.registered_count, w.last_seq,
         coalesce(f.facilitators, '[]'::json) AS facilitators, coalesce(f.is_listed, false) AS is_listed,
         a.registered, a.removed_at, ${exactTime(sortExpr)} AS sort_key${
           detail
             ? `,
         w.description, w.description_html, w.created_by, c.display_name AS created_by_name,
         w.locked, w.slow_mode_seconds, w.meeting_url`
             : ''
         }
    FROM workshops w
    LEFT JOIN partnerships p ON p.id = w.partnership_id
    LEFT JOIN cities wc ON wc.id = w.city_id
    LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $1
    LEFT JOIN LATERAL (
      SELECT json_agg(${personJson('u', 'w.partnership_id')} ORDER BY wf.added_at, u.display_name, u.id) AS facilitators,
             bool_or(wf.user_id = $1) AS is_listed
        FROM workshop_facilitators wf JOIN users u ON u.id = wf.user_id
       WHERE wf.workshop_id = w.id) f ON TRUE${detail ? `\n    LEFT JOIN users c ON c.id = w.created_by` : ''}`;
}

/** Who reads: the viewer ($1 in the statements) and their visibility filter on alias `w`. */
export interface WorkshopViewer {
  id: string;
  isAdmin: boolean;
  /** SQL condition on alias `w` naming the viewer as `$1` (AccessService.visibleWorkshopsSql). */
  visibleSql: string;
  /** The time (the Clock's) and the embed origins, for the meeting link. */
  meeting: MeetingContext;
}

export interface WorkshopListFilter {
  when: WorkshopListWhen;
  theme?: Theme;
  partnershipId?: string;
  /** Only workshops the viewer is registered for or facilitates. */
  mine?: boolean;
  /** The keyset position to continue after (sort time as exact text, id). */
  after: [string, string] | null;
  limit: number;
}

export interface NewWorkshop {
  title: string;
  description: string;
  descriptionHtml: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: WorkshopScope;
  partnershipId: string | null;
  /** Set with scope `city`. */
  cityId?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  meetingUrl: string | null;
  createdBy: string;
}

/** Columns an edit may change; absent ones stay. */
export interface WorkshopChanges {
  title?: string;
  description?: string;
  descriptionHtml?: string;
  theme?: Theme;
  language?: WorkshopLanguage;
  startsAt?: string;
  endsAt?: string;
  capacity?: number | null;
  /** null removes the meeting. */
  meetingUrl?: string | null;
}

/** The columns of a workshop row locked for a change. */
export interface LockedWorkshop {
  title: string;
  description: string;
  status: WorkshopStatus;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  registered_count: number;
  locked: boolean;
  slow_mode_seconds: number;
  meeting_url: string | null;
}

/** The room as one user is in it: its settings and that user's mute. */
export interface RoomStateRow {
  status: WorkshopStatus;
  locked: boolean;
  slow_mode_seconds: number;
  last_seq: number;
  muted_until: Date | null;
}

// UPDATE … RETURNING is wrapped in `WITH … SELECT` below: through TypeORM the driver answers a
// bare UPDATE with [rows, rowCount], a SELECT with its rows.

/** The workshops table: lists and pages, creation, edits, the lifecycle and the room's settings. */
@Injectable()
export class WorkshopsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `filter.limit` summaries in the list's order, each with its cursor key; one statement. */
  async list(
    viewer: WorkshopViewer,
    filter: WorkshopListFilter,
  ): Promise<{ item: WorkshopSummaryDto; key: [string, string] }[]> {
    const order = LIST_ORDERS[filter.when];
    const params: unknown[] = [viewer.id];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [viewer.visibleSql, `w.status = ${p(order.status)}`];
    if (filter.theme) where.push(`w.theme = ${p(filter.theme)}`);
    if (filter.partnershipId) where.push(`w.partnership_id = ${p(filter.partnershipId)}::uuid`);
    if (filter.mine) {
      where.push(`((a.registered AND a.removed_at IS NULL) OR coalesce(f.is_listed, false))`);
    }
    if (filter.after) {
      const op = order.direction === 'ASC' ? '>' : '<';
      where.push(`(${order.expr}, w.id) ${op} (${p(filter.after[0])}::timestamptz, ${p(filter.after[1])}::uuid)`);
    }
    const rows: WorkshopRow[] = await this.dataSource.query(
      `${workshopSelect(false, order.expr)}
        WHERE ${where.join(' AND ')}
        ORDER BY ${order.expr} ${order.direction}, w.id ${order.direction}
        LIMIT ${p(filter.limit)}`,
      params,
    );
    return rows.map((row) => ({ item: toSummary(row, viewer.isAdmin), key: [row.sort_key, row.id] }));
  }

  /** The workshop page, or null when the viewer may not see it; one statement. */
  async detail(viewer: WorkshopViewer, workshopId: string, manager: EntityManager): Promise<WorkshopDto | null> {
    const [row]: WorkshopRow[] = await manager.query(
      `${workshopSelect(true)} WHERE w.id = $2 AND ${viewer.visibleSql}`,
      [viewer.id, workshopId],
    );
    return row ? toDetail(row, viewer.isAdmin, viewer.meeting) : null;
  }

  async insert(manager: EntityManager, w: NewWorkshop): Promise<{ id: string; title: string; starts_at: Date }> {
    const [row]: { id: string; title: string; starts_at: Date }[] = await manager.query(
      `INSERT INTO workshops (title, description, description_html, theme, language, scope, partnership_id,
                              starts_at, ends_at, capacity, created_by, meeting_url, city_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id, title, starts_at`,
      [
        w.title,
        w.description,
        w.descriptionHtml,
        w.theme,
        w.language,
        w.scope,
        w.partnershipId,
        w.startsAt,
        w.endsAt,
        w.capacity,
        w.createdBy,
        w.meetingUrl,
        w.cityId ?? null,
      ],
    );
    return row;
  }

  /** Writes the given columns (nothing when none is given). */
  async update(manager: EntityManager, workshopId: string, changes: WorkshopChanges): Promise<void> {
    const params: unknown[] = [workshopId];
    const sets: string[] = [];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.title !== undefined) set('title', changes.title);
    if (changes.description !== undefined) {
      set('description', changes.description);
      set('description_html', changes.descriptionHtml);
    }
    if (changes.theme !== undefined) set('theme', changes.theme);
    if (changes.language !== undefined) set('language', changes.language);
    if (changes.startsAt !== undefined) set('starts_at', changes.startsAt);
    if (changes.endsAt !== undefined) set('ends_at', changes.endsAt);
    if (changes.capacity !== undefined) set('capacity', changes.capacity);
    if (changes.meetingUrl !== undefined) set('meeting_url', changes.meetingUrl);
    if (sets.length === 0) return;
    await manager.query(
      `UPDATE workshops SET ${sets.join(', ')}, updated_at = clock_timestamp() WHERE id = $1`,
      params,
    );
  }

  /** What calendars show changed (title, description, times): a higher iCalendar SEQUENCE. */
  async bumpSequence(manager: EntityManager, workshopId: string): Promise<void> {
    await manager.query(`UPDATE workshops SET sequence = sequence + 1 WHERE id = $1`, [workshopId]);
  }

  /** Locks the workshop row until the transaction ends; undefined when there is none. */
  async lock(manager: EntityManager, workshopId: string): Promise<LockedWorkshop | undefined> {
    const [row]: LockedWorkshop[] = await manager.query(
      `SELECT title, description, status, starts_at, ends_at, capacity, registered_count, locked, slow_mode_seconds,
              meeting_url
         FROM workshops WHERE id = $1 FOR UPDATE`,
      [workshopId],
    );
    return row;
  }

  /** scheduled → live; undefined when the workshop was not scheduled. */
  async open(manager: EntityManager, workshopId: string): Promise<{ title: string; opened_at: Date } | undefined> {
    const [row]: { title: string; opened_at: Date }[] = await manager.query(
      `WITH opened AS (
         UPDATE workshops SET status = 'live', opened_at = clock_timestamp(), updated_at = clock_timestamp()
          WHERE id = $1 AND status = 'scheduled'
      RETURNING title, opened_at)
       SELECT title, opened_at FROM opened`,
      [workshopId],
    );
    return row;
  }

  /** live → ended; undefined when the workshop was not live. */
  async end(manager: EntityManager, workshopId: string): Promise<{ ended_at: Date } | undefined> {
    const [row]: { ended_at: Date }[] = await manager.query(
      `WITH ended AS (
         UPDATE workshops SET status = 'ended', ended_at = clock_timestamp(), updated_at = clock_timestamp()
          WHERE id = $1 AND status = 'live'
      RETURNING ended_at)
       SELECT ended_at FROM ended`,
      [workshopId],
    );
    return row;
  }

  /** What the transcript's header shows. */
  async transcriptHeader(workshopId: string): Promise<TranscriptHeader | undefined> {
    const [w]: {
      title: string;
      theme: string;
      language: string;
      scope: string;
      partnership_title: string | null;
      starts_at: Date;
      ends_at: Date;
      opened_at: Date | null;
      ended_at: Date | null;
      facilitators: { displayName: string; handle: string }[];
    }[] = await this.dataSource.query(
      `SELECT w.title, w.theme, w.language, w.scope, p.title AS partnership_title,
              w.starts_at, w.ends_at, w.opened_at, w.ended_at,
              coalesce((SELECT json_agg(json_build_object('displayName', u.display_name, 'handle', u.handle)
                                        ORDER BY wf.added_at, u.display_name)
                          FROM workshop_facilitators wf JOIN users u ON u.id = wf.user_id
                         WHERE wf.workshop_id = w.id), '[]'::json) AS facilitators
         FROM workshops w LEFT JOIN partnerships p ON p.id = w.partnership_id
        WHERE w.id = $1`,
      [workshopId],
    );
    if (!w) return undefined;
    return {
      title: w.title,
      theme: w.theme,
      language: w.language,
      scope: w.scope,
      partnershipTitle: w.partnership_title,
      startsAt: w.starts_at,
      endsAt: w.ends_at,
      openedAt: w.opened_at,
      endedAt: w.ended_at,
      facilitators: w.facilitators,
    };
  }

  // --- the live room ------------------------------------------------------------------------------

  async status(workshopId: string): Promise<WorkshopStatus | undefined> {
    const [w]: { status: WorkshopStatus }[] = await this.dataSource.query(
      `SELECT status FROM workshops WHERE id = $1`,
      [workshopId],
    );
    return w?.status;
  }

  /** The room's settings and numbering, with the user's mute while it lasts. */
  async roomState(workshopId: string, userId: string): Promise<RoomStateRow | undefined> {
    const [row]: RoomStateRow[] = await this.dataSource.query(
      `SELECT w.status, w.locked, w.slow_mode_seconds, w.last_seq,
              CASE WHEN a.muted_until > clock_timestamp() THEN a.muted_until END AS muted_until
         FROM workshops w LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
        WHERE w.id = $1`,
      [workshopId, userId],
    );
    return row;
  }

  /**
   * Whether the user may write now, as typing needs it: the status, whether the room is locked
   * to them (facilitators and admins write in a locked room), and their mute's seconds left.
   */
  async writePolicy(
    workshopId: string,
    userId: string,
    isAdmin: boolean,
  ): Promise<{ status: WorkshopStatus; locked: boolean; muted_seconds: number | null } | undefined> {
    const [row]: { status: WorkshopStatus; locked: boolean; muted_seconds: number | null }[] =
      await this.dataSource.query(
        `SELECT w.status, w.locked AND NOT ($3::boolean OR EXISTS (
                  SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = $2)) AS locked,
                ceil(extract(epoch FROM a.muted_until - clock_timestamp()))::int AS muted_seconds
           FROM workshops w LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
          WHERE w.id = $1`,
        [workshopId, userId, isAdmin],
      );
    return row;
  }

  async setRoomSettings(
    manager: EntityManager,
    workshopId: string,
    settings: { locked: boolean; slowModeSeconds: number },
  ): Promise<void> {
    await manager.query(`UPDATE workshops SET locked = $2, slow_mode_seconds = $3, updated_at = now() WHERE id = $1`, [
      workshopId,
      settings.locked,
      settings.slowModeSeconds,
    ]);
  }
}
