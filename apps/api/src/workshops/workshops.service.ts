import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  WORKSHOP_LIMITS,
  type Page,
  type Theme,
  type UserSummary,
  type WorkshopAuditAction,
  type WorkshopAuditEntryDto,
  type WorkshopDto,
  type WorkshopLanguage,
  type WorkshopListWhen,
  type WorkshopMessagesPage,
  type WorkshopScope,
  type WorkshopStatus,
  type WorkshopSummaryDto,
} from '@twinning/contracts';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type WorkshopAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { renderMarkdown } from '../common/markdown';
import { escapeLike, exactTime, iso, isoOrNull } from '../common/sql';

import { NotificationsService, type NewNotification } from '../notifications';
import type {
  CreateWorkshopDto,
  UpdateWorkshopDto,
  WorkshopListQueryDto,
  WorkshopMessagesQueryDto,
} from './dto/workshops.dto';
import { WorkshopRegistrations } from './workshop-registrations';
import { MESSAGE_COLUMNS, MESSAGE_FROM, toMessageDto, type MessageRow } from './workshop-rows';
import {
  NO_MESSAGES,
  NO_QUESTIONS,
  QUESTIONS_HEADING,
  transcriptFileName,
  transcriptHeader,
  transcriptMessage,
  transcriptQuestion,
  type TranscriptMessage,
  type TranscriptQuestion,
} from './workshop-transcript';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';

/** Users offered by the co-facilitator search. */
export const FACILITATOR_SEARCH_MAX = 20;

/** Rows the transcript reads per query while it streams. */
export const TRANSCRIPT_BATCH = 1000;

const FACILITATOR_ROLES = ['facilitator', 'admin'];

/** Creator plus co-facilitators. */
const FACILITATORS_MAX = WORKSHOP_LIMITS.facilitatorsMax + 1;

interface WorkshopRow {
  id: string;
  title: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: WorkshopScope;
  partnership_id: string | null;
  partnership_title: string | null;
  status: WorkshopStatus;
  starts_at: Date;
  ends_at: Date;
  opened_at: Date | null;
  ended_at: Date | null;
  capacity: number | null;
  registered_count: number;
  last_seq: number;
  facilitators: UserSummary[];
  is_listed: boolean;
  registered: boolean | null;
  removed_at: Date | null;
  /** The list's sort time as exact text, for cursors. */
  sort_key: string;
  // detail only
  description?: string;
  description_html?: string;
  created_by?: string | null;
  created_by_name?: string | null;
  locked?: boolean;
  slow_mode_seconds?: number;
}

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
         w.status, w.starts_at, w.ends_at, w.opened_at, w.ended_at, w.capacity, w.registered_count, w.last_seq,
         coalesce(f.facilitators, '[]'::json) AS facilitators, coalesce(f.is_listed, false) AS is_listed,
         a.registered, a.removed_at, ${exactTime(sortExpr)} AS sort_key${
           detail
             ? `,
         w.description, w.description_html, w.created_by, c.display_name AS created_by_name,
         w.locked, w.slow_mode_seconds`
             : ''
         }
    FROM workshops w
    LEFT JOIN partnerships p ON p.id = w.partnership_id
    LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $1
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                      ORDER BY wf.added_at, u.display_name, u.id) AS facilitators,
             bool_or(wf.user_id = $1) AS is_listed
        FROM workshop_facilitators wf JOIN users u ON u.id = wf.user_id
       WHERE wf.workshop_id = w.id) f ON TRUE${detail ? `\n    LEFT JOIN users c ON c.id = w.created_by` : ''}`;
}

function toSummary(row: WorkshopRow, user: AuthUser): WorkshopSummaryDto {
  const facilitator = user.role === 'admin' || row.is_listed;
  const removed = row.removed_at !== null && !facilitator;
  return {
    id: row.id,
    title: row.title,
    theme: row.theme,
    language: row.language,
    scope: row.scope,
    partnership: row.partnership_id !== null ? { id: row.partnership_id, title: row.partnership_title ?? '' } : null,
    status: row.status,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    openedAt: isoOrNull(row.opened_at),
    endedAt: isoOrNull(row.ended_at),
    facilitators: row.facilitators,
    capacity: row.capacity,
    registeredCount: row.registered_count,
    messageCount: row.last_seq,
    viewer: { registered: row.registered === true && !removed, facilitator, removed },
  };
}

function toDetail(row: WorkshopRow, user: AuthUser): WorkshopDto {
  return {
    ...toSummary(row, user),
    description: row.description ?? '',
    descriptionHtml: row.description_html ?? '',
    createdBy: { id: row.created_by ?? '', displayName: row.created_by_name ?? '' },
    locked: row.locked ?? false,
    slowModeSeconds: row.slow_mode_seconds ?? 0,
    lastSeq: row.last_seq,
  };
}

interface AuditRow {
  id: string;
  action: WorkshopAuditAction;
  detail: Record<string, unknown>;
  created_at: Date;
  created_key: string;
  actor_id: string | null;
  actor_name: string | null;
  target_id: string | null;
  target_name: string | null;
  target_seq: number | null;
}

function removedError(): AppError {
  return new AppError(ErrorCode.REMOVED, 'A facilitator removed you from this workshop.');
}

function scheduleError(field: 'startsAt' | 'endsAt'): AppError {
  return AppError.validation(
    { [field]: [field === 'endsAt' ? 'endsAt must be after startsAt' : 'startsAt must be before endsAt'] },
    `Invalid field: ${field}.`,
  );
}

/**
 * Workshops over REST: the list and page, creating and editing, opening and ending the room,
 * co-facilitators, registration, message history, the Markdown transcript and the audit log.
 * Writes follow params → policy → transaction → publish after commit.
 */
@Injectable()
export class WorkshopsService {
  private readonly logger = new Logger(WorkshopsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly publisher: WorkshopsPublisher,
    private readonly registrations: WorkshopRegistrations,
  ) {}

  // --- reading -----------------------------------------------------------------------------------

  /** The workshops the viewer may see, one part of the list at a time; one statement per page. */
  async list(user: AuthUser, query: WorkshopListQueryDto): Promise<Page<WorkshopSummaryDto>> {
    const order = LIST_ORDERS[query.when ?? 'upcoming'];
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [user.id];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [this.access.visibleWorkshopsSql('w', '$1', user.role === 'admin'), `w.status = ${p(order.status)}`];
    if (query.theme) where.push(`w.theme = ${p(query.theme)}`);
    if (query.partnershipId) where.push(`w.partnership_id = ${p(query.partnershipId)}::uuid`);
    if (query.mine) {
      where.push(`((a.registered AND a.removed_at IS NULL) OR coalesce(f.is_listed, false))`);
    }
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      const op = order.direction === 'ASC' ? '>' : '<';
      where.push(`(${order.expr}, w.id) ${op} (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
    }
    const rows: WorkshopRow[] = await this.dataSource.query(
      `${workshopSelect(false, order.expr)}
        WHERE ${where.join(' AND ')}
        ORDER BY ${order.expr} ${order.direction}, w.id ${order.direction}
        LIMIT ${p(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => toSummary(row, user)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null,
    };
  }

  /** The workshop page; 404 when the viewer may not see it. One statement. */
  async get(
    user: AuthUser,
    workshopId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkshopDto> {
    const [row]: WorkshopRow[] = await manager.query(
      `${workshopSelect(true)} WHERE w.id = $2 AND ${this.access.visibleWorkshopsSql('w', '$1', user.role === 'admin')}`,
      [user.id, workshopId],
    );
    if (!row) throw AppError.notFound('Workshop');
    return toDetail(row, user);
  }

  /**
   * A page of messages: after `afterSeq` (oldest first), before `beforeSeq`, or the latest ones.
   * Readable by everyone who can see the workshop, also once it ended; removed participants get REMOVED.
   */
  async messages(user: AuthUser, workshopId: string, query: WorkshopMessagesQueryDto): Promise<WorkshopMessagesPage> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const limit = query.limit ?? WORKSHOP_LIMITS.historyPageDefault;
    const params: unknown[] = [workshopId];
    const where = ['m.workshop_id = $1'];
    if (query.afterSeq !== undefined) {
      params.push(query.afterSeq);
      where.push(`m.seq > $${params.length}`);
    }
    if (query.beforeSeq !== undefined) {
      params.push(query.beforeSeq);
      where.push(`m.seq < $${params.length}`);
    }
    const forwards = query.afterSeq !== undefined;
    params.push(limit + 1);
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE ${where.join(' AND ')}
        ORDER BY m.seq ${forwards ? 'ASC' : 'DESC'} LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    if (!forwards) page.reverse();
    return { messages: page.map(toMessageDto), hasMore: rows.length > limit };
  }

  /** The facilitators' log, newest first (facilitators only: 403 for participants, 404 for outsiders). */
  async audit(
    user: AuthUser,
    workshopId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<WorkshopAuditEntryDto>> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [workshopId];
    const where = ['a.workshop_id = $1'];
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(a.created_at, a.id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.action, a.detail, a.created_at, ${exactTime('a.created_at')} AS created_key,
              au.id AS actor_id, au.display_name AS actor_name, tu.id AS target_id, tu.display_name AS target_name,
              m.seq AS target_seq
         FROM workshop_audit a
         LEFT JOIN users au ON au.id = a.actor_id
         LEFT JOIN users tu ON tu.id = a.target_user_id
         LEFT JOIN workshop_messages m ON m.id = a.target_message_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        id: r.id,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        targetUser: r.target_id ? { id: r.target_id, displayName: r.target_name ?? '' } : null,
        targetMessageSeq: r.target_seq,
        detail: r.detail,
        createdAt: iso(r.created_at),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  /**
   * Users with the facilitator or admin role whose display name or handle contains `q` (handles
   * starting with it first), for choosing co-facilitators. Only facilitators and admins may search.
   */
  async searchFacilitators(user: AuthUser, q: string | undefined): Promise<UserSummary[]> {
    this.requireFacilitatorRole(user, 'Only facilitators and admins can look for co-facilitators.');
    const text = (q ?? '').replace(/^@/, '');
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT id, display_name FROM users
        WHERE role = ANY($1::text[]) AND (display_name ILIKE $2 OR handle ILIKE $2)
        ORDER BY (handle ILIKE $3) DESC, display_name, id
        LIMIT ${FACILITATOR_SEARCH_MAX}`,
      [FACILITATOR_ROLES, `%${escapeLike(text)}%`, `${escapeLike(text)}%`],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  // --- creating and editing --------------------------------------------------------------------

  /**
   * A new scheduled workshop. Facilitators and admins only; a partnership workshop needs a
   * partnership whose private spaces the creator sees. Co-facilitators are notified.
   */
  async create(user: AuthUser, dto: CreateWorkshopDto): Promise<WorkshopDto> {
    this.requireFacilitatorRole(user, 'Only facilitators and admins can create workshops.');
    if (Date.parse(dto.startsAt) >= Date.parse(dto.endsAt)) throw scheduleError('endsAt');
    const { workshopId, created } = await this.dataSource.transaction(async (manager) => {
      if (dto.scope === 'partnership' && dto.partnershipId) {
        await this.access.requirePartnership(user, dto.partnershipId, { private: true, manager });
      }
      const coIds = (dto.facilitatorIds ?? []).filter((id) => id !== user.id);
      await this.requireFacilitatorUsers(manager, coIds, 'facilitatorIds');
      const [row]: { id: string; title: string; starts_at: Date }[] = await manager.query(
        `INSERT INTO workshops (title, description, description_html, theme, language, scope, partnership_id,
                                starts_at, ends_at, capacity, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, title, starts_at`,
        [
          dto.title,
          dto.description,
          renderMarkdown(dto.description),
          dto.theme,
          dto.language,
          dto.scope,
          dto.scope === 'partnership' ? dto.partnershipId : null,
          dto.startsAt,
          dto.endsAt,
          dto.capacity ?? null,
          user.id,
        ],
      );
      // the creator first, so the facilitators list starts with them
      await manager.query(
        `INSERT INTO workshop_facilitators (workshop_id, user_id, added_at)
         SELECT $1, u.id, clock_timestamp() + make_interval(secs => u.n / 1000000.0)
           FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
        [row.id, [user.id, ...coIds]],
      );
      const notified = await this.notifications.create(
        manager,
        coIds.map((userId): NewNotification => ({
          userId,
          kind: 'workshop.facilitator_added',
          payload: {
            actor: this.actor(user),
            workshop: { id: row.id, title: row.title },
            startsAt: iso(row.starts_at),
          },
        })),
        user.id,
      );
      return { workshopId: row.id, created: notified };
    });
    await this.notifications.publish(created);
    return this.get(user, workshopId);
  }

  /**
   * Facilitators edit a scheduled or live workshop (INVALID_STATE once ended). The schedule stays
   * ordered and the capacity never drops below the places already taken.
   */
  async update(user: AuthUser, workshopId: string, dto: UpdateWorkshopDto): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, workshopId);
      if (row.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; it can no longer be edited.');
      }
      const startsAt = dto.startsAt !== undefined ? Date.parse(dto.startsAt) : row.starts_at.getTime();
      const endsAt = dto.endsAt !== undefined ? Date.parse(dto.endsAt) : row.ends_at.getTime();
      if (startsAt >= endsAt) throw scheduleError(dto.endsAt !== undefined ? 'endsAt' : 'startsAt');
      if (dto.capacity !== undefined && dto.capacity !== null && dto.capacity < row.registered_count) {
        throw AppError.validation(
          {
            capacity: [`capacity cannot be below the ${row.registered_count} participants already registered`],
          },
          'Invalid field: capacity.',
        );
      }
      const params: unknown[] = [workshopId];
      const sets: string[] = [];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.title !== undefined) set('title', dto.title);
      if (dto.description !== undefined) {
        set('description', dto.description);
        set('description_html', renderMarkdown(dto.description));
      }
      if (dto.theme !== undefined) set('theme', dto.theme);
      if (dto.language !== undefined) set('language', dto.language);
      if (dto.startsAt !== undefined) set('starts_at', dto.startsAt);
      if (dto.endsAt !== undefined) set('ends_at', dto.endsAt);
      if (dto.capacity !== undefined) set('capacity', dto.capacity);
      if (sets.length === 0) return;
      await manager.query(
        `UPDATE workshops SET ${sets.join(', ')}, updated_at = clock_timestamp() WHERE id = $1`,
        params,
      );
    });
    return this.get(user, workshopId);
  }

  // --- the room's lifecycle --------------------------------------------------------------------

  /**
   * scheduled → live. Registered participants and the other facilitators are told (`workshop.live`),
   * and sockets in the room hear `workshop.status` once the change committed.
   */
  async open(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { at, created } = await this.dataSource.transaction(async (manager) => {
      const [row]: { title: string; opened_at: Date }[] = await manager.query(
        `WITH opened AS (
           UPDATE workshops SET status = 'live', opened_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE id = $1 AND status = 'scheduled'
        RETURNING title, opened_at)
         SELECT title, opened_at FROM opened`,
        [workshopId],
      );
      if (!row) throw new AppError(ErrorCode.INVALID_STATE, 'Only a scheduled workshop can be opened.');
      await this.recordAudit(manager, workshopId, user.id, 'workshop.opened');
      const recipients: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM workshop_attendees WHERE workshop_id = $1 AND registered AND removed_at IS NULL
         UNION
         SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1`,
        [workshopId],
      );
      const notified = await this.notifications.create(
        manager,
        recipients.map((r): NewNotification => ({
          userId: r.user_id,
          kind: 'workshop.live',
          payload: { actor: this.actor(user), workshop: { id: workshopId, title: row.title } },
        })),
        user.id,
      );
      return { at: iso(row.opened_at), created: notified };
    });
    await this.notifications.publish(created);
    this.publisher.toRoom(workshopId, 'workshop.status', { workshopId, status: 'live', at });
    return this.get(user, workshopId);
  }

  /** live → ended; the room becomes its transcript. */
  async end(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const at = await this.dataSource.transaction(async (manager) => {
      const [row]: { ended_at: Date }[] = await manager.query(
        `WITH ended AS (
           UPDATE workshops SET status = 'ended', ended_at = clock_timestamp(), updated_at = clock_timestamp()
            WHERE id = $1 AND status = 'live'
        RETURNING ended_at)
         SELECT ended_at FROM ended`,
        [workshopId],
      );
      if (!row) throw new AppError(ErrorCode.INVALID_STATE, 'Only a live workshop can be ended.');
      await this.recordAudit(manager, workshopId, user.id, 'workshop.ended');
      return iso(row.ended_at);
    });
    this.publisher.toRoom(workshopId, 'workshop.status', { workshopId, status: 'ended', at });
    return this.get(user, workshopId);
  }

  // --- facilitators ----------------------------------------------------------------------------

  /**
   * Makes a facilitator or admin a co-facilitator (idempotent). A place they held as a registered
   * participant is given back: facilitators are always in.
   */
  async addFacilitator(user: AuthUser, workshopId: string, userId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const created = await this.dataSource.transaction(async (manager) => {
      const workshop = await this.lock(manager, workshopId);
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; its facilitators are final.');
      }
      await this.requireFacilitatorUsers(manager, [userId], 'userId');
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM workshop_facilitators WHERE workshop_id = $1`,
        [workshopId],
      );
      const inserted: unknown[] = await manager.query(
        `INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [workshopId, userId],
      );
      if (inserted.length === 0) return { items: [] };
      if (count >= FACILITATORS_MAX) {
        throw AppError.validation(
          { userId: [`a workshop has at most ${FACILITATORS_MAX} facilitators`] },
          'Invalid field: userId.',
        );
      }
      await this.registrations.unregister(userId, workshopId, manager);
      await this.recordAudit(manager, workshopId, user.id, 'facilitator.added', { targetUserId: userId });
      return this.notifications.create(
        manager,
        [
          {
            userId,
            kind: 'workshop.facilitator_added',
            payload: {
              actor: this.actor(user),
              workshop: { id: workshopId, title: workshop.title },
              startsAt: iso(workshop.starts_at),
            },
          },
        ],
        user.id,
      );
    });
    await this.notifications.publish(created);
    return this.get(user, workshopId);
  }

  /** Takes a facilitator off the workshop; the last one stays (INVALID_STATE). */
  async removeFacilitator(user: AuthUser, workshopId: string, userId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const workshop = await this.lock(manager, workshopId);
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; its facilitators are final.');
      }
      const rows: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1`,
        [workshopId],
      );
      if (!rows.some((r) => r.user_id === userId)) throw AppError.notFound('Facilitator');
      if (rows.length <= 1) {
        throw new AppError(ErrorCode.INVALID_STATE, 'A workshop keeps at least one facilitator.');
      }
      await manager.query(`DELETE FROM workshop_facilitators WHERE workshop_id = $1 AND user_id = $2`, [
        workshopId,
        userId,
      ]);
      await this.recordAudit(manager, workshopId, user.id, 'facilitator.removed', { targetUserId: userId });
    });
    return this.get(user, workshopId);
  }

  // --- registration ----------------------------------------------------------------------------

  /** Takes a place (idempotent): WORKSHOP_FULL, REMOVED, INVALID_STATE once ended. */
  async register(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    const access = await this.access.requireWorkshop(user, workshopId);
    await this.registrations.register(user.id, access);
    return this.get(user, workshopId);
  }

  /** Gives the place back (idempotent). */
  async unregister(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId);
    await this.registrations.unregister(user.id, workshopId);
    return this.get(user, workshopId);
  }

  // --- transcript ------------------------------------------------------------------------------

  /**
   * The Markdown transcript: header, every message in order, then the Q&A. Access is checked
   * before anything is sent; the body then streams, reading TRANSCRIPT_BATCH rows per query, so a
   * room of any size is never held in memory at once.
   */
  async transcript(user: AuthUser, workshopId: string): Promise<{ fileName: string; stream: Readable }> {
    const access: WorkshopAccess = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
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
    if (!w) throw AppError.notFound('Workshop');
    const header = transcriptHeader({
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
    });
    const messagesAfter = (seq: number): Promise<TranscriptMessage[]> =>
      this.dataSource.query(
        `SELECT m.seq, u.display_name AS author_name, u.handle AS author_handle, m.body, m.created_at,
                m.deleted_at, m.pinned_at
           FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
        [workshopId, seq, TRANSCRIPT_BATCH],
      );
    const questionsAfter = (
      after: [string, string] | null,
    ): Promise<(TranscriptQuestion & { key: string; id: string })[]> =>
      this.dataSource.query(
        `SELECT q.id, u.display_name AS author_name, u.handle AS author_handle, q.body, q.votes, q.status,
                q.created_at, q.answered_at, ${exactTime('q.created_at')} AS key
           FROM workshop_questions q JOIN users u ON u.id = q.author_id
          WHERE q.workshop_id = $1 ${after ? 'AND (q.created_at, q.id) > ($3::timestamptz, $4::uuid)' : ''}
          ORDER BY q.created_at, q.id LIMIT $2`,
        after ? [workshopId, TRANSCRIPT_BATCH, after[0], after[1]] : [workshopId, TRANSCRIPT_BATCH],
      );
    async function* generate(): AsyncGenerator<string> {
      yield header;
      let previous: TranscriptMessage | null = null;
      for (let seq = 0; ;) {
        const rows = await messagesAfter(seq);
        for (const row of rows) {
          yield transcriptMessage(row, previous);
          previous = row;
        }
        if (rows.length < TRANSCRIPT_BATCH) break;
        seq = rows[rows.length - 1].seq;
      }
      if (!previous) yield NO_MESSAGES;
      yield QUESTIONS_HEADING;
      let any = false;
      for (let after: [string, string] | null = null; ;) {
        const rows = await questionsAfter(after);
        for (const row of rows) yield transcriptQuestion(row);
        any ||= rows.length > 0;
        if (rows.length < TRANSCRIPT_BATCH) break;
        const last = rows[rows.length - 1];
        after = [last.key, last.id];
      }
      if (!any) yield NO_QUESTIONS;
    }
    const stream = Readable.from(generate());
    stream.on('error', (err) => this.logger.error(`transcript of ${workshopId} failed: ${err.message}`));
    return { fileName: transcriptFileName(w.title), stream };
  }

  // --- helpers ---------------------------------------------------------------------------------

  private actor(user: AuthUser): UserSummary {
    return { id: user.id, displayName: user.displayName };
  }

  private requireFacilitatorRole(user: AuthUser, message: string): void {
    if (!FACILITATOR_ROLES.includes(user.role)) throw AppError.forbidden(message);
  }

  /** Every id names a user with the facilitator or admin role; otherwise VALIDATION_FAILED on `field`. */
  private async requireFacilitatorUsers(manager: EntityManager, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string; display_name: string; role: string }[] = await manager.query(
      `SELECT id, display_name, role FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const problems: string[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) problems.push(`${field}: no user has the id ${id}`);
      else if (!FACILITATOR_ROLES.includes(row.role)) {
        problems.push(`${field}: ${row.display_name} is not a facilitator or an admin`);
      }
    }
    if (problems.length > 0) throw AppError.validation({ [field]: problems }, `Invalid field: ${field}.`);
  }

  private async lock(manager: EntityManager, workshopId: string) {
    const [row]: {
      title: string;
      status: WorkshopStatus;
      starts_at: Date;
      ends_at: Date;
      registered_count: number;
    }[] = await manager.query(
      `SELECT title, status, starts_at, ends_at, registered_count FROM workshops WHERE id = $1 FOR UPDATE`,
      [workshopId],
    );
    if (!row) throw AppError.notFound('Workshop');
    return row;
  }

  private async recordAudit(
    manager: EntityManager,
    workshopId: string,
    actorId: string,
    action: WorkshopAuditAction,
    target: { targetUserId?: string; detail?: Record<string, unknown> } = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_audit (workshop_id, actor_id, action, target_user_id, detail) VALUES ($1, $2, $3, $4, $5)`,
      [workshopId, actorId, action, target.targetUserId ?? null, JSON.stringify(target.detail ?? {})],
    );
  }
}
