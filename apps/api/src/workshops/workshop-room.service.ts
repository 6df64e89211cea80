import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  WORKSHOP_LIMITS,
  type AuthorDto,
  type QuestionStatus,
  type RaisedHandDto,
  type UserSummary,
  type WorkshopAuditAction,
  type WorkshopJoinResult,
  type WorkshopMessageDto,
  type WorkshopQuestionDto,
  type WorkshopReportDto,
  type WorkshopRole,
  type WorkshopRoomState,
  type WorkshopStatus,
} from '@twinning/contracts';
import type { Socket } from 'socket.io';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AccessService, type WorkshopAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import { PreparedStatements, type PreparedStatement } from '../database/prepared-statements';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { WorkshopPresence, authorOf, type WorkshopSocketData as RoomSocketData } from '../realtime/workshop-presence';
import { Rooms } from '../realtime/rooms';
import { WorkshopRegistrations } from './workshop-registrations';
import { RoomSendBatcher, type PendingSend } from './workshop-send-batcher';
import {
  MESSAGE_COLUMNS,
  MESSAGE_FROM,
  QUESTION_COLUMNS,
  toMessageDto,
  toQuestionDto,
  type MessageRow,
  type QuestionRow,
} from './workshop-rows';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { iso, isoOrNull } from '../common/sql';

/** Questions per participant and workshop. */
export const QUESTION_RATE_LIMIT: LimitSpec = { name: 'workshop-question', points: 5, durationSeconds: 60 };

/**
 * The one statement that posts a message. The UPDATE takes the next number only when the room's
 * policy lets the author speak (live; not locked unless facilitator; not removed; not muted; slow
 * mode), and holds the workshop row's lock until commit, so concurrent senders queue and their
 * numbers are gap-free. A repeated clientId violates the unique key, which aborts the whole
 * statement: the number is not spent. Inserts nothing when the policy refuses.
 * $1 workshop, $2 author, $3 clientId, $4 body, $5 body_html, $6 author is an admin.
 */
const SEND_SQL: PreparedStatement = {
  name: 'workshop_send_one',
  text: `
  WITH numbered AS (
    UPDATE workshops w
       SET last_seq = w.last_seq + 1
     WHERE w.id = $1
       AND w.status = 'live'
       AND ($6::boolean
            OR EXISTS (SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = $2)
            OR (NOT w.locked
                AND NOT EXISTS (SELECT 1 FROM workshop_attendees a
                                 WHERE a.workshop_id = w.id AND a.user_id = $2
                                   AND (a.removed_at IS NOT NULL OR a.muted_until > clock_timestamp()))
                AND (w.slow_mode_seconds = 0 OR NOT EXISTS (
                      SELECT 1 FROM (SELECT p.created_at FROM workshop_messages p
                                      WHERE p.workshop_id = w.id AND p.author_id = $2
                                      ORDER BY p.seq DESC LIMIT 1) latest
                       WHERE latest.created_at > clock_timestamp() - make_interval(secs => w.slow_mode_seconds)))))
    RETURNING w.id, w.last_seq
  ), m AS (
    INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html)
    SELECT id, last_seq, $2, $3, $4, $5 FROM numbered
    RETURNING *
  )
  SELECT ${MESSAGE_COLUMNS} FROM m JOIN users u ON u.id = m.author_id`,
};

/** The most sends one batch statement writes; the rest wait for the next batch. */
const SEND_BATCH_MAX = 200;

/**
 * Group commit: one statement writes a batch of messages to one room. The workshop row is locked
 * first (FOR UPDATE waits for another instance's batch and then reads the row as it committed it),
 * so policy and numbering follow the latest room state. A row is accepted only under the strict
 * policy: live; author is an admin or facilitator, or the room is unlocked, slow mode is off and
 * the author is neither removed nor muted. A row whose (author, clientId) repeats earlier in the
 * batch is not accepted either. Everything not accepted goes through SEND_SQL one by one, which
 * answers retries and explains refusals (slow mode included). Accepted rows take last_seq + 1 …
 * last_seq + k in input order: gap-free across instances. A clientId already stored (a retry,
 * here or through another instance) violates the unique key and aborts the statement: nothing is
 * inserted, no number spent, and the batch goes through SEND_SQL one by one. The stored clientIds
 * are not looked up here: retries are rare, and the lookup competes with the author index (slow
 * mode) for the plan, which without statistics scans all of an author's messages.
 * $1 workshop, $2 author ids, $3 clientIds, $4 bodies, $5 body_html, $6 author is an admin.
 * Returns the inserted messages (with author name and handle).
 */
const SEND_BATCH_SQL: PreparedStatement = {
  name: 'workshop_send_batch',
  text: `
  WITH room AS (
    SELECT w.id, w.status, w.locked, w.slow_mode_seconds, w.last_seq FROM workshops w WHERE w.id = $1 FOR UPDATE
  ), input AS (
    SELECT i.* FROM unnest($2::uuid[], $3::varchar[], $4::text[], $5::text[], $6::boolean[])
                    WITH ORDINALITY AS i(author_id, client_id, body, body_html, is_admin, ord)
  ), accepted AS (
    SELECT i.*, row_number() OVER (ORDER BY i.ord) AS k
      FROM input i CROSS JOIN room w
     WHERE w.status = 'live'
       AND (i.is_admin
            OR EXISTS (SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = i.author_id)
            OR (NOT w.locked
                AND w.slow_mode_seconds = 0
                AND NOT EXISTS (SELECT 1 FROM workshop_attendees a
                                 WHERE a.workshop_id = w.id AND a.user_id = i.author_id
                                   AND (a.removed_at IS NOT NULL OR a.muted_until > clock_timestamp()))))
       AND NOT EXISTS (SELECT 1 FROM input e
                        WHERE e.author_id = i.author_id AND e.client_id = i.client_id AND e.ord < i.ord)
  ), counted AS (
    SELECT count(*)::int AS n FROM accepted
  ), numbered AS (
    UPDATE workshops w
       SET last_seq = room.last_seq + counted.n
      FROM room, counted
     WHERE w.id = room.id AND counted.n > 0
    RETURNING room.last_seq AS base
  ), m AS (
    INSERT INTO workshop_messages (workshop_id, seq, author_id, client_id, body, body_html)
    SELECT $1, numbered.base + a.k, a.author_id, a.client_id, a.body, a.body_html
      FROM accepted a CROSS JOIN numbered
    RETURNING *
  )
  SELECT ${MESSAGE_COLUMNS} FROM m JOIN users u ON u.id = m.author_id ORDER BY m.seq`,
};

/** Why SEND_SQL inserted nothing: the same policy, spelled out. $1 workshop, $2 author, $3 admin. */
const SEND_REFUSAL_SQL = `
  SELECT w.status, w.locked, w.slow_mode_seconds,
         ($3::boolean OR EXISTS (SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = $2))
           AS facilitator,
         a.removed_at IS NOT NULL AS removed,
         ceil(extract(epoch FROM a.muted_until - clock_timestamp()))::int AS muted_seconds,
         ceil(extract(epoch FROM latest.created_at + make_interval(secs => w.slow_mode_seconds) - clock_timestamp()))::int
           AS slow_seconds
    FROM workshops w
    LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
    LEFT JOIN LATERAL (SELECT p.created_at FROM workshop_messages p
                        WHERE p.workshop_id = w.id AND p.author_id = $2
                        ORDER BY p.seq DESC LIMIT 1) latest ON TRUE
   WHERE w.id = $1`;

// UPDATE and DELETE … RETURNING are wrapped in `WITH … SELECT` below: through TypeORM the driver
// answers a bare UPDATE or DELETE with [rows, rowCount], a SELECT with its rows.

const HANDS_SQL = `
  SELECT h.user_id, u.display_name, u.handle, h.raised_at
    FROM workshop_hands h JOIN users u ON u.id = h.user_id
   WHERE h.workshop_id = $1
   ORDER BY h.raised_at, h.user_id`;

const OPEN_REPORTS_SQL = `
  SELECT r.id AS report_id, r.reason, r.created_at AS reported_at, r.reporter_id, ru.display_name AS reporter_name,
         ${MESSAGE_COLUMNS}
    FROM workshop_reports r
    JOIN ${MESSAGE_FROM} ON m.id = r.message_id
    JOIN users ru ON ru.id = r.reporter_id
   WHERE r.workshop_id = $1 AND r.resolved_at IS NULL`;

/** A validated, rendered message waiting for its room's next batch. */
interface QueuedSend {
  user: AuthUser;
  clientId: string;
  body: string;
  bodyHtml: string;
}

interface HandRow {
  user_id: string;
  display_name: string;
  handle: string;
  raised_at: Date;
}

interface ReportRow extends MessageRow {
  report_id: string;
  reason: string;
  reported_at: Date;
  reporter_id: string;
  reporter_name: string;
}

interface StateRow {
  status: WorkshopStatus;
  locked: boolean;
  slow_mode_seconds: number;
  last_seq: number;
  muted_until: Date | null;
}

interface TargetUser {
  id: string;
  display_name: string;
  facilitator: boolean;
}

interface AuditEntry {
  workshopId: string;
  actorId: string;
  action: WorkshopAuditAction;
  targetUserId?: string | null;
  targetMessageId?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one workshop_audit row; call it inside the transaction that makes the change. */
export async function recordWorkshopAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO workshop_audit (workshop_id, actor_id, action, target_user_id, target_message_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      entry.workshopId,
      entry.actorId,
      entry.action,
      entry.targetUserId ?? null,
      entry.targetMessageId ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}

const toHand = (row: HandRow): RaisedHandDto => ({
  user: { id: row.user_id, displayName: row.display_name, handle: row.handle },
  raisedAt: iso(row.raised_at),
});

const toReport = (row: ReportRow): WorkshopReportDto => ({
  id: row.report_id,
  workshopId: row.workshop_id,
  message: toMessageDto(row),
  reporter: { id: row.reporter_id, displayName: row.reporter_name },
  reason: row.reason,
  createdAt: iso(row.reported_at),
});

const summary = (user: AuthUser): UserSummary => ({ id: user.id, displayName: user.displayName });

/** "3 minutes", "1 hour 5 minutes": how long a mute still lasts. */
function duration(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

function isClientIdRetry(error: unknown): boolean {
  const driver =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driver?.code === '23505' && (driver.constraint ?? '').includes('client_id');
}

const removedError = () => new AppError(ErrorCode.REMOVED, 'A facilitator removed you from this workshop.');

/**
 * The live room on /workshops. Everything authoritative (messages, numbering, moderation, Q&A,
 * hands) lives in PostgreSQL, so it holds across instances and restarts; only the typing throttle
 * is kept in memory. Each change is params → policy → transaction → publish after commit.
 */
@Injectable()
export class WorkshopRoomService {
  private readonly messageLimit: LimitSpec;
  /** `workshopId:userId` → when their last typing event was relayed. */
  private readonly typingRelayed = new Map<string, number>();
  /** This instance's sends waiting for their room's next batch (ordering and batching only, never state). */
  private readonly sends: RoomSendBatcher<QueuedSend, WorkshopMessageDto>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatements,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessService,
    private readonly registrations: WorkshopRegistrations,
    private readonly rateLimits: RateLimitService,
    private readonly publisher: WorkshopsPublisher,
    private readonly presenceOf: WorkshopPresence,
  ) {
    this.sends = new RoomSendBatcher(
      (workshopId, batch) => this.writeSends(workshopId, batch),
      SEND_BATCH_MAX,
      config.workshopWriteConcurrency,
    );
    this.messageLimit = {
      name: 'workshop-message',
      points: config.rateLimits.workshopMessages,
      durationSeconds: config.rateLimits.workshopWindowSeconds,
    };
  }

  // --- joining and leaving --------------------------------------------------------------------

  /**
   * Joins the room. The socket enters the room before the messages are read, so a message
   * created meanwhile arrives live or in the ack (or both: clients keep messages by seq).
   */
  async join(socket: Socket, workshopId: string, afterSeq?: number): Promise<WorkshopJoinResult> {
    const data = socket.data as RoomSocketData;
    const user = data.user;
    let access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    if (access.status === 'live' && !access.facilitator && !access.registered) {
      await this.registrations.register(user.id, access);
      access = { ...access, registered: true };
    }
    const role: WorkshopRole = access.facilitator ? 'facilitator' : 'participant';
    if (data.handle === undefined) {
      const [row]: { handle: string }[] = await this.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [
        user.id,
      ]);
      data.handle = row?.handle ?? '';
    }
    const alreadyPresent = await this.presenceOf.isPresent(workshopId, user.id);
    data.workshops = { ...data.workshops, [workshopId]: role };
    const rooms = [Rooms.workshop(workshopId), Rooms.workshopUser(workshopId, user.id)];
    if (access.facilitator) rooms.push(Rooms.workshopFacilitators(workshopId));
    await socket.join(rooms);
    try {
      const result = await this.snapshot(socket, access, afterSeq);
      if (!alreadyPresent) {
        this.publisher.toRoom(workshopId, 'presence.joined', { workshopId, user: this.author(data), role });
      }
      return result;
    } catch (error) {
      await this.leaveRooms(socket, workshopId);
      throw error;
    }
  }

  async leave(socket: Socket, workshopId: string): Promise<void> {
    const joined = (socket.data as RoomSocketData).workshops?.[workshopId] !== undefined;
    await this.leaveRooms(socket, workshopId);
    if (joined) await this.announceLeftIfGone(workshopId, (socket.data as RoomSocketData).user.id);
  }

  /** A socket closed: socket.io already took it out of its rooms. */
  async disconnected(socket: Socket): Promise<void> {
    const data = socket.data as RoomSocketData;
    if (!data.user) return;
    await Promise.all(Object.keys(data.workshops ?? {}).map((id) => this.announceLeftIfGone(id, data.user.id)));
  }

  private async leaveRooms(socket: Socket, workshopId: string): Promise<void> {
    const data = socket.data as RoomSocketData;
    if (data.workshops) {
      const { [workshopId]: _left, ...rest } = data.workshops;
      data.workshops = rest;
    }
    await Promise.all(
      [
        Rooms.workshop(workshopId),
        Rooms.workshopFacilitators(workshopId),
        Rooms.workshopUser(workshopId, data.user.id),
      ].map((room) => socket.leave(room)),
    );
  }

  private async announceLeftIfGone(workshopId: string, userId: string): Promise<void> {
    if (!(await this.presenceOf.isPresent(workshopId, userId))) {
      this.publisher.toRoom(workshopId, 'presence.left', { workshopId, userId });
    }
  }

  /** The join ack: a few queries run side by side, whatever the room's size. */
  private async snapshot(socket: Socket, access: WorkshopAccess, afterSeq?: number): Promise<WorkshopJoinResult> {
    const { workshopId } = access;
    const user = (socket.data as RoomSocketData).user;
    const replay = afterSeq !== undefined;
    const limit = replay ? WORKSHOP_LIMITS.replayMax : WORKSHOP_LIMITS.historyPageDefault;
    const [state, messageRows, questionRows, hands, reports, presence, tombstones] = await Promise.all([
      this.state(user, workshopId, access.facilitator),
      // one more than asked, to tell whether there are more
      this.dataSource.query<MessageRow[]>(
        replay
          ? `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.seq > $3 ORDER BY m.seq LIMIT $2`
          : `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 ORDER BY m.seq DESC LIMIT $2`,
        replay ? [workshopId, limit + 1, afterSeq] : [workshopId, limit + 1],
      ),
      this.dataSource.query<(QuestionRow & { voted: boolean })[]>(
        `SELECT ${QUESTION_COLUMNS},
                EXISTS (SELECT 1 FROM workshop_question_votes v WHERE v.question_id = q.id AND v.user_id = $2) AS voted
           FROM workshop_questions q JOIN users u ON u.id = q.author_id
          WHERE q.workshop_id = $1 AND q.status IN ('open', 'answered')
          ORDER BY q.votes DESC, q.created_at, q.id`,
        [workshopId, user.id],
      ),
      this.hands(workshopId),
      access.facilitator ? this.openReports(workshopId) : Promise.resolve([]),
      this.presenceOf.list(workshopId),
      replay
        ? this.dataSource.query<{ id: string; seq: number; deleted_at: Date }[]>(
            `SELECT id, seq, deleted_at FROM workshop_messages
              WHERE workshop_id = $1 AND seq <= $2 AND deleted_at IS NOT NULL ORDER BY seq`,
            [workshopId, afterSeq],
          )
        : Promise.resolve([]),
    ]);
    const more = messageRows.length > limit;
    const rows = more ? messageRows.slice(0, limit) : messageRows;
    if (!replay) rows.reverse();
    const messages = rows.map(toMessageDto);
    const first = messages[0]?.seq;
    return {
      messages,
      hasMoreBefore: replay ? (first ?? Math.min(afterSeq + 1, state.lastSeq + 1)) > 1 : more,
      hasMoreAfter: replay && more,
      tombstones: tombstones.map((t) => ({ id: t.id, seq: t.seq, deletedAt: iso(t.deleted_at) })),
      presence,
      state,
      questions: questionRows.map(toQuestionDto),
      myVotes: questionRows.filter((q) => q.voted).map((q) => q.id),
      hands,
      reports,
    };
  }

  /** The room's state as this user sees it (two queries). */
  async state(user: AuthUser, workshopId: string, facilitator: boolean): Promise<WorkshopRoomState> {
    const [[row], pinned] = await Promise.all([
      this.dataSource.query<StateRow[]>(
        `SELECT w.status, w.locked, w.slow_mode_seconds, w.last_seq,
                CASE WHEN a.muted_until > clock_timestamp() THEN a.muted_until END AS muted_until
           FROM workshops w LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
          WHERE w.id = $1`,
        [workshopId, user.id],
      ),
      this.dataSource.query<MessageRow[]>(
        `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
          WHERE m.workshop_id = $1 AND m.pinned_at IS NOT NULL AND m.deleted_at IS NULL ORDER BY m.seq`,
        [workshopId],
      ),
    ]);
    if (!row) throw AppError.notFound('Workshop');
    return {
      workshopId,
      status: row.status,
      locked: row.locked,
      slowModeSeconds: row.slow_mode_seconds,
      pinned: pinned.map(toMessageDto),
      lastSeq: row.last_seq,
      you: {
        role: facilitator ? 'facilitator' : 'participant',
        mutedUntil: facilitator ? null : isoOrNull(row.muted_until),
      },
    };
  }

  // --- messages ---------------------------------------------------------------------------------

  /**
   * Posts a message: one SQL statement when it succeeds, shared with the other sends to the room
   * that queued meanwhile (group commit). A retry with the same clientId answers the stored
   * message and is not broadcast again.
   */
  async send(socket: Socket, workshopId: string, clientId: string, body: string): Promise<WorkshopMessageDto> {
    const user = this.requireJoined(socket, workshopId);
    await this.rateLimits.consume(this.messageLimit, `${workshopId}:${user.id}`);
    const bodyHtml = renderMarkdown(body);
    return this.sends.add(workshopId, { user, clientId, body, bodyHtml });
  }

  /**
   * Writes one batch of a room's sends (the batcher never runs two batches of a room at once, so
   * this instance broadcasts a room's messages in seq order). A lone send takes the single path;
   * a batch goes in one statement, and whatever it did not accept (retries, refusals, slow mode)
   * then goes through the single path one by one, which answers each precisely.
   */
  private async writeSends(workshopId: string, batch: PendingSend<QueuedSend, WorkshopMessageDto>[]) {
    let rest = batch;
    if (batch.length > 1) {
      let rows: MessageRow[] | null = null;
      try {
        rows = await this.prepared.query<MessageRow>(SEND_BATCH_SQL, [
          workshopId,
          batch.map((p) => p.input.user.id),
          batch.map((p) => p.input.clientId),
          batch.map((p) => p.input.body),
          batch.map((p) => p.input.bodyHtml),
          batch.map((p) => p.input.user.role === 'admin'),
        ]);
      } catch (error) {
        // a clientId stored meanwhile through another instance: nothing was written, go one by one
        if (!isClientIdRetry(error)) throw error;
      }
      if (rows) {
        const accepted = new Map<string, WorkshopMessageDto>();
        for (const row of rows) {
          const message = toMessageDto(row);
          this.publisher.toRoom(workshopId, 'message.created', message);
          accepted.set(`${row.author_id} ${row.client_id}`, message);
        }
        rest = [];
        for (const pending of batch) {
          const key = `${pending.input.user.id} ${pending.input.clientId}`;
          const message = accepted.get(key);
          if (message) {
            accepted.delete(key); // a repeat later in the batch is a retry: the single path answers it
            pending.resolve(message);
          } else {
            rest.push(pending);
          }
        }
      }
    }
    for (const pending of rest) {
      const { user, clientId, body, bodyHtml } = pending.input;
      try {
        pending.resolve(await this.insertMessage(user, workshopId, clientId, body, bodyHtml));
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  private async insertMessage(
    user: AuthUser,
    workshopId: string,
    clientId: string,
    body: string,
    bodyHtml: string,
  ): Promise<WorkshopMessageDto> {
    const isAdmin = user.role === 'admin';
    for (let attempt = 0; ; attempt++) {
      let rows: MessageRow[];
      try {
        rows = await this.prepared.query<MessageRow>(SEND_SQL, [
          workshopId,
          user.id,
          clientId,
          body,
          bodyHtml,
          isAdmin,
        ]);
      } catch (error) {
        if (!isClientIdRetry(error)) throw error;
        const existing = await this.existingMessage(workshopId, user.id, clientId);
        if (existing) return this.rebroadcast(existing);
        throw error;
      }
      if (rows[0]) {
        const message = toMessageDto(rows[0]);
        this.publisher.toRoom(workshopId, 'message.created', message);
        return message;
      }
      // Refused (or a retry of a message sent before the author was muted): say precisely why.
      const existing = await this.existingMessage(workshopId, user.id, clientId);
      if (existing) return this.rebroadcast(existing);
      const refusal = await this.sendRefusal(workshopId, user.id, isAdmin);
      if (refusal) throw refusal;
      // The policy changed between the two statements (a mute ran out, slow mode ended): try again once.
      if (attempt > 0) throw new AppError(ErrorCode.CONFLICT, 'The message could not be sent; try again.');
    }
  }

  /**
   * A retry found its message already stored. The instance that stored it may have died before
   * broadcasting it, so it is broadcast again; clients keep one copy per seq.
   */
  private rebroadcast(message: WorkshopMessageDto): WorkshopMessageDto {
    this.publisher.toRoom(message.workshopId, 'message.created', message);
    return message;
  }

  private async existingMessage(workshopId: string, authorId: string, clientId: string) {
    const [row]: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.author_id = $2 AND m.client_id = $3`,
      [workshopId, authorId, clientId],
    );
    return row ? toMessageDto(row) : null;
  }

  private async sendRefusal(workshopId: string, userId: string, isAdmin: boolean): Promise<AppError | null> {
    const [row]: {
      status: WorkshopStatus;
      locked: boolean;
      slow_mode_seconds: number;
      facilitator: boolean;
      removed: boolean;
      muted_seconds: number | null;
      slow_seconds: number | null;
    }[] = await this.dataSource.query(SEND_REFUSAL_SQL, [workshopId, userId, isAdmin]);
    if (!row) return AppError.notFound('Workshop');
    if (row.status !== 'live') return notLive(row.status);
    if (row.facilitator) return null;
    if (row.removed) return removedError();
    if (row.locked) {
      return new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked: only facilitators can write for now.');
    }
    if (row.muted_seconds !== null && row.muted_seconds > 0) {
      return new AppError(
        ErrorCode.MUTED,
        `A facilitator muted you for ${duration(row.muted_seconds)} more.`,
        undefined,
        row.muted_seconds,
      );
    }
    if (row.slow_mode_seconds > 0 && row.slow_seconds !== null && row.slow_seconds > 0) {
      return new AppError(
        ErrorCode.SLOW_MODE,
        `Slow mode is on: wait ${row.slow_seconds} s before your next message.`,
        undefined,
        row.slow_seconds,
      );
    }
    return null;
  }

  /** Older messages, the page just before `beforeSeq` (oldest first). */
  async historyBefore(user: AuthUser, workshopId: string, beforeSeq: number, limit: number) {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3`,
      [workshopId, beforeSeq, limit + 1],
    );
    const more = rows.length > limit;
    const page = (more ? rows.slice(0, limit) : rows).reverse();
    return { messages: page.map(toMessageDto), hasMoreBefore: more };
  }

  /**
   * Relays "typing" to the room at most once per typingThrottleMs per user; never for a
   * participant who may not write (muted, locked room, not live).
   */
  async typing(socket: Socket, workshopId: string): Promise<void> {
    const user = this.requireJoined(socket, workshopId);
    const key = `${workshopId}:${user.id}`;
    const now = Date.now();
    const last = this.typingRelayed.get(key);
    if (last !== undefined && now - last < WORKSHOP_LIMITS.typingThrottleMs) return;
    const [row]: { status: WorkshopStatus; locked: boolean; muted_seconds: number | null }[] =
      await this.dataSource.query(
        `SELECT w.status, w.locked AND NOT ($3::boolean OR EXISTS (
                  SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = $2)) AS locked,
                ceil(extract(epoch FROM a.muted_until - clock_timestamp()))::int AS muted_seconds
           FROM workshops w LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
          WHERE w.id = $1`,
        [workshopId, user.id, user.role === 'admin'],
      );
    if (!row) throw AppError.notFound('Workshop');
    if (row.status !== 'live') throw notLive(row.status);
    if (row.locked) throw new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked.');
    if (row.muted_seconds !== null && row.muted_seconds > 0) {
      throw new AppError(ErrorCode.MUTED, 'You are muted.', undefined, row.muted_seconds);
    }
    this.typingRelayed.set(key, now);
    if (this.typingRelayed.size > 10_000) {
      for (const [k, at] of this.typingRelayed) {
        if (now - at >= WORKSHOP_LIMITS.typingThrottleMs) this.typingRelayed.delete(k);
      }
    }
    this.publisher.toRoom(workshopId, 'typing', {
      workshopId,
      user: this.author(socket.data as RoomSocketData),
    });
  }

  /** A participant reports a message (once per message); facilitators hear of it at once. */
  async report(socket: Socket, workshopId: string, messageId: string, reason: string): Promise<string> {
    const user = this.requireJoined(socket, workshopId);
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const [message]: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.id = $1 AND m.workshop_id = $2`,
      [messageId, workshopId],
    );
    if (!message) throw AppError.notFound('Message');
    if (message.author_id === user.id) throw AppError.forbidden('You cannot report your own message.');
    if (message.deleted_at) throw new AppError(ErrorCode.INVALID_STATE, 'This message was already deleted.');
    const [report]: { id: string; created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO workshop_reports (workshop_id, message_id, reporter_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (message_id, reporter_id) DO NOTHING RETURNING id, created_at`,
      [workshopId, messageId, user.id, reason],
    );
    if (!report) throw new AppError(ErrorCode.CONFLICT, 'You already reported this message.');
    this.publisher.toFacilitators(workshopId, 'report.created', {
      id: report.id,
      workshopId,
      message: toMessageDto(message),
      reporter: summary(user),
      reason,
      createdAt: iso(report.created_at),
    });
    return report.id;
  }

  // --- Q&A and hands ----------------------------------------------------------------------------

  async ask(socket: Socket, workshopId: string, body: string): Promise<WorkshopQuestionDto> {
    const user = this.requireJoined(socket, workshopId);
    const access = await this.participant(user, workshopId, { mayBeMuted: false });
    await this.rateLimits.consume(QUESTION_RATE_LIMIT, `${workshopId}:${user.id}`);
    const [row]: QuestionRow[] = await this.dataSource.query(
      `WITH q AS (
         INSERT INTO workshop_questions (workshop_id, author_id, body, body_html)
         SELECT w.id, $2, $3, $4 FROM workshops w
          WHERE w.id = $1 AND w.status = 'live' AND ($5::boolean OR NOT w.locked)
         RETURNING *)
       SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`,
      [workshopId, user.id, body, renderMarkdown(body), access.facilitator],
    );
    if (!row) {
      const [w]: { status: WorkshopStatus }[] = await this.dataSource.query(
        `SELECT status FROM workshops WHERE id = $1`,
        [workshopId],
      );
      if (w && w.status !== 'live') throw notLive(w.status);
      throw new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked: questions are closed for now.');
    }
    const question = toQuestionDto(row);
    this.publisher.toRoom(workshopId, 'question.created', question);
    return question;
  }

  /** Upvotes an open question once, or withdraws the upvote; the counter moves with the vote row. */
  async vote(socket: Socket, workshopId: string, questionId: string, vote: boolean): Promise<WorkshopQuestionDto> {
    const user = this.requireJoined(socket, workshopId);
    await this.participant(user, workshopId, { mayBeMuted: true });
    const { question, changed } = await this.dataSource.transaction(async (manager) => {
      const [target]: { status: QuestionStatus }[] = await manager.query(
        `SELECT status FROM workshop_questions WHERE id = $1 AND workshop_id = $2 FOR UPDATE`,
        [questionId, workshopId],
      );
      if (!target) throw AppError.notFound('Question');
      if (target.status !== 'open') throw new AppError(ErrorCode.INVALID_STATE, 'Only open questions take votes.');
      const moved: unknown[] = await manager.query(
        vote
          ? `INSERT INTO workshop_question_votes (question_id, user_id) VALUES ($1, $2)
             ON CONFLICT (question_id, user_id) DO NOTHING RETURNING question_id`
          : `WITH d AS (DELETE FROM workshop_question_votes WHERE question_id = $1 AND user_id = $2 RETURNING question_id)
             SELECT question_id FROM d`,
        [questionId, user.id],
      );
      const [row]: QuestionRow[] = await manager.query(
        moved.length > 0
          ? `WITH q AS (UPDATE workshop_questions SET votes = votes ${vote ? '+' : '-'} 1 WHERE id = $1 RETURNING *)
             SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`
          : `SELECT ${QUESTION_COLUMNS} FROM workshop_questions q JOIN users u ON u.id = q.author_id WHERE q.id = $1`,
        [questionId],
      );
      return { question: toQuestionDto(row), changed: moved.length > 0 };
    });
    if (changed) this.publisher.toRoom(workshopId, 'question.updated', question);
    return question;
  }

  async raiseHand(socket: Socket, workshopId: string): Promise<RaisedHandDto[]> {
    const user = this.requireJoined(socket, workshopId);
    await this.participant(user, workshopId, { mayBeMuted: true });
    const raised: unknown[] = await this.dataSource.query(
      `INSERT INTO workshop_hands (workshop_id, user_id) VALUES ($1, $2)
       ON CONFLICT (workshop_id, user_id) DO NOTHING RETURNING user_id`,
      [workshopId, user.id],
    );
    return this.publishHands(workshopId, raised.length > 0);
  }

  /** Lowers your own hand, or (facilitators) anyone's. */
  async lowerHand(socket: Socket, workshopId: string, userId?: string): Promise<RaisedHandDto[]> {
    const user = (socket.data as RoomSocketData).user;
    const target = userId ?? user.id;
    if (target === user.id) {
      this.requireJoined(socket, workshopId);
      await this.participant(user, workshopId, { mayBeMuted: true, mayBeEnded: true });
    } else {
      await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    }
    const lowered: unknown[] = await this.dataSource.query(
      `WITH d AS (DELETE FROM workshop_hands WHERE workshop_id = $1 AND user_id = $2 RETURNING user_id) SELECT user_id FROM d`,
      [workshopId, target],
    );
    return this.publishHands(workshopId, lowered.length > 0);
  }

  private async publishHands(workshopId: string, changed: boolean): Promise<RaisedHandDto[]> {
    const hands = await this.hands(workshopId);
    if (changed) this.publisher.toRoom(workshopId, 'hand.queue', { workshopId, hands });
    return hands;
  }

  private async hands(workshopId: string): Promise<RaisedHandDto[]> {
    const rows: HandRow[] = await this.dataSource.query(HANDS_SQL, [workshopId]);
    return rows.map(toHand);
  }

  private async openReports(workshopId: string): Promise<WorkshopReportDto[]> {
    const rows: ReportRow[] = await this.dataSource.query(`${OPEN_REPORTS_SQL} ORDER BY r.created_at, r.id`, [
      workshopId,
    ]);
    return rows.map(toReport);
  }

  // --- facilitator actions: each in one transaction with its audit row, broadcast after commit ----

  async deleteMessage(user: AuthUser, workshopId: string, messageId: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const deleted = await this.dataSource.transaction(async (manager) => {
      const [row]: { id: string; seq: number; author_id: string; deleted_at: Date }[] = await manager.query(
        `WITH d AS (
           UPDATE workshop_messages
              SET deleted_at = clock_timestamp(), deleted_by = $3, pinned_at = NULL, pinned_by = NULL
            WHERE id = $1 AND workshop_id = $2 AND deleted_at IS NULL
        RETURNING id, seq, author_id, deleted_at)
         SELECT id, seq, author_id, deleted_at FROM d`,
        [messageId, workshopId, user.id],
      );
      if (!row) {
        const exists: unknown[] = await manager.query(
          `SELECT 1 FROM workshop_messages WHERE id = $1 AND workshop_id = $2`,
          [messageId, workshopId],
        );
        if (exists.length === 0) throw AppError.notFound('Message');
        return null; // already deleted: nothing to do
      }
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: 'message.deleted',
        targetUserId: row.author_id,
        targetMessageId: row.id,
        detail: { seq: row.seq },
      });
      return row;
    });
    if (deleted) {
      this.publisher.toRoom(workshopId, 'message.deleted', {
        workshopId,
        id: deleted.id,
        seq: deleted.seq,
        deletedAt: iso(deleted.deleted_at),
        by: summary(user),
      });
    }
  }

  async pin(user: AuthUser, workshopId: string, messageId: string, pinned: boolean): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const message = await this.dataSource.transaction(async (manager) => {
      // Pins of one room are counted and changed one at a time (without blocking senders).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('workshop-pins:' || $1))`, [workshopId]);
      const [row]: (MessageRow & { pinned_count: number })[] = await manager.query(
        `SELECT ${MESSAGE_COLUMNS},
                (SELECT count(*)::int FROM workshop_messages p
                  WHERE p.workshop_id = m.workshop_id AND p.pinned_at IS NOT NULL AND p.deleted_at IS NULL) AS pinned_count
           FROM ${MESSAGE_FROM} WHERE m.id = $1 AND m.workshop_id = $2`,
        [messageId, workshopId],
      );
      if (!row) throw AppError.notFound('Message');
      if (row.deleted_at) throw new AppError(ErrorCode.INVALID_STATE, 'A deleted message cannot be pinned.');
      if ((row.pinned_at !== null) === pinned) return null;
      if (pinned && row.pinned_count >= WORKSHOP_LIMITS.pinnedMax) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `At most ${WORKSHOP_LIMITS.pinnedMax} messages can be pinned; unpin one first.`,
        );
      }
      await manager.query(
        pinned
          ? `UPDATE workshop_messages SET pinned_at = clock_timestamp(), pinned_by = $2 WHERE id = $1`
          : `UPDATE workshop_messages SET pinned_at = NULL, pinned_by = NULL WHERE id = $1`,
        pinned ? [messageId, user.id] : [messageId],
      );
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: pinned ? 'message.pinned' : 'message.unpinned',
        targetUserId: row.author_id,
        targetMessageId: row.id,
        detail: { seq: row.seq },
      });
      return { ...toMessageDto(row), pinned };
    });
    if (message)
      this.publisher.toRoom(workshopId, 'message.pinned', { workshopId, message, pinned, by: summary(user) });
  }

  /** Mutes a participant for `minutes` (0 lifts the mute). Facilitators cannot be muted. */
  async mute(user: AuthUser, workshopId: string, userId: string, minutes: number): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { target, mutedUntil } = await this.dataSource.transaction(async (manager) => {
      const target = await this.targetUser(manager, workshopId, userId, 'muted');
      const [row]: { muted_until: Date | null }[] = await manager.query(
        `INSERT INTO workshop_attendees (workshop_id, user_id, registered, muted_until)
         VALUES ($1, $2, false, CASE WHEN $3::int > 0 THEN clock_timestamp() + make_interval(mins => $3::int) END)
         ON CONFLICT (workshop_id, user_id) DO UPDATE SET muted_until = EXCLUDED.muted_until
         RETURNING muted_until`,
        [workshopId, userId, minutes],
      );
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: minutes > 0 ? 'participant.muted' : 'participant.unmuted',
        targetUserId: userId,
        detail: minutes > 0 ? { minutes, until: iso(row.muted_until as Date) } : {},
      });
      return { target, mutedUntil: isoOrNull(row.muted_until) };
    });
    this.publisher.toRoom(workshopId, 'participant.muted', {
      workshopId,
      user: { id: target.id, displayName: target.display_name },
      mutedUntil,
      by: summary(user),
    });
  }

  /**
   * Removes a participant: bars them from the workshop, gives their place back, lowers their
   * hand, then takes all their sockets out of the room on every instance.
   */
  async remove(user: AuthUser, workshopId: string, userId: string, reason: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const result = await this.dataSource.transaction(async (manager) => {
      const target = await this.targetUser(manager, workshopId, userId, 'removed');
      await this.registrations.unregister(userId, workshopId, manager); // also locks the workshop row
      const removed: unknown[] = await manager.query(
        `INSERT INTO workshop_attendees (workshop_id, user_id, registered, removed_at, removed_by, removal_reason)
         VALUES ($1, $2, false, clock_timestamp(), $3, $4)
         ON CONFLICT (workshop_id, user_id) DO UPDATE
           SET registered = false, removed_at = EXCLUDED.removed_at, removed_by = EXCLUDED.removed_by,
               removal_reason = EXCLUDED.removal_reason
         WHERE workshop_attendees.removed_at IS NULL
         RETURNING user_id`,
        [workshopId, userId, user.id, reason],
      );
      if (removed.length === 0) return null; // already removed
      const lowered: unknown[] = await manager.query(
        `WITH d AS (DELETE FROM workshop_hands WHERE workshop_id = $1 AND user_id = $2 RETURNING user_id)
         SELECT user_id FROM d`,
        [workshopId, userId],
      );
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: 'participant.removed',
        targetUserId: userId,
        detail: reason ? { reason } : {},
      });
      return { target, handLowered: lowered.length > 0 };
    });
    if (!result) return;
    this.publisher.toRoom(workshopId, 'participant.removed', {
      workshopId,
      user: { id: result.target.id, displayName: result.target.display_name },
      by: summary(user),
    });
    this.publisher.removeUser(workshopId, userId);
    this.publisher.toRoom(workshopId, 'presence.left', { workshopId, userId });
    if (result.handLowered) await this.publishHands(workshopId, true);
  }

  /** The user a facilitator acts on; facilitators (and admins) cannot be muted or removed. */
  private async targetUser(
    manager: EntityManager,
    workshopId: string,
    userId: string,
    verb: 'muted' | 'removed',
  ): Promise<TargetUser> {
    const [target]: TargetUser[] = await manager.query(
      `SELECT u.id, u.display_name,
              (u.role = 'admin' OR EXISTS (SELECT 1 FROM workshop_facilitators f
                                            WHERE f.workshop_id = $1 AND f.user_id = u.id)) AS facilitator
         FROM users u WHERE u.id = $2`,
      [workshopId, userId],
    );
    if (!target) throw AppError.notFound('Participant');
    if (target.facilitator) throw AppError.forbidden(`Facilitators cannot be ${verb}.`);
    return target;
  }

  async updateRoom(
    user: AuthUser,
    workshopId: string,
    change: { locked?: boolean; slowModeSeconds?: number },
  ): Promise<WorkshopRoomState> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const updated = await this.dataSource.transaction(async (manager) => {
      const [before]: { locked: boolean; slow_mode_seconds: number }[] = await manager.query(
        `SELECT locked, slow_mode_seconds FROM workshops WHERE id = $1 FOR UPDATE`,
        [workshopId],
      );
      const locked = change.locked ?? before.locked;
      const slowModeSeconds = change.slowModeSeconds ?? before.slow_mode_seconds;
      if (locked === before.locked && slowModeSeconds === before.slow_mode_seconds) return null;
      await manager.query(
        `UPDATE workshops SET locked = $2, slow_mode_seconds = $3, updated_at = now() WHERE id = $1`,
        [workshopId, locked, slowModeSeconds],
      );
      if (locked !== before.locked) {
        await recordWorkshopAudit(manager, {
          workshopId,
          actorId: user.id,
          action: locked ? 'room.locked' : 'room.unlocked',
        });
      }
      if (slowModeSeconds !== before.slow_mode_seconds) {
        await recordWorkshopAudit(manager, {
          workshopId,
          actorId: user.id,
          action: 'room.slow_mode',
          detail: { seconds: slowModeSeconds, before: before.slow_mode_seconds },
        });
      }
      return { locked, slowModeSeconds };
    });
    if (updated) this.publisher.toRoom(workshopId, 'room.updated', { workshopId, ...updated, by: summary(user) });
    return this.state(user, workshopId, true);
  }

  async resolveReport(user: AuthUser, workshopId: string, reportId: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const [row]: { message_id: string; reporter_id: string }[] = await manager.query(
        `WITH r AS (
           UPDATE workshop_reports SET resolved_at = clock_timestamp(), resolved_by = $3
            WHERE id = $1 AND workshop_id = $2 AND resolved_at IS NULL
        RETURNING message_id, reporter_id)
         SELECT message_id, reporter_id FROM r`,
        [reportId, workshopId, user.id],
      );
      if (!row) throw AppError.notFound('Open report');
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: 'report.resolved',
        targetUserId: row.reporter_id,
        targetMessageId: row.message_id,
        detail: { reportId },
      });
    });
    this.publisher.toFacilitators(workshopId, 'report.resolved', { workshopId, reportId });
  }

  async setQuestionStatus(
    user: AuthUser,
    workshopId: string,
    questionId: string,
    status: QuestionStatus,
  ): Promise<WorkshopQuestionDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { question, changed } = await this.dataSource.transaction(async (manager) => {
      const [before]: { status: QuestionStatus }[] = await manager.query(
        `SELECT status FROM workshop_questions WHERE id = $1 AND workshop_id = $2 FOR UPDATE`,
        [questionId, workshopId],
      );
      if (!before) throw AppError.notFound('Question');
      const [row]: QuestionRow[] = await manager.query(
        `WITH q AS (
           UPDATE workshop_questions
              SET status = $2::varchar, answered_at = CASE WHEN $2::varchar = 'answered' THEN coalesce(answered_at, clock_timestamp()) END
            WHERE id = $1 RETURNING *)
         SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`,
        [questionId, status],
      );
      const changed = before.status !== status;
      if (changed) {
        await recordWorkshopAudit(manager, {
          workshopId,
          actorId: user.id,
          action: 'question.status',
          targetUserId: row.author_id,
          detail: { questionId, status, before: before.status },
        });
      }
      return { question: toQuestionDto(row), changed };
    });
    if (changed) this.publisher.toRoom(workshopId, 'question.updated', question);
    return question;
  }

  /** Takes the longest-raised hand off the queue (two facilitators at once get two different hands). */
  async callNext(user: AuthUser, workshopId: string): Promise<RaisedHandDto | null> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const called = await this.dataSource.transaction(async (manager) => {
      const [row]: HandRow[] = await manager.query(
        `WITH next AS (
           SELECT workshop_id, user_id FROM workshop_hands WHERE workshop_id = $1
            ORDER BY raised_at, user_id LIMIT 1 FOR UPDATE SKIP LOCKED
         ), popped AS (
           DELETE FROM workshop_hands h USING next
            WHERE h.workshop_id = next.workshop_id AND h.user_id = next.user_id
        RETURNING h.user_id, h.raised_at)
         SELECT p.user_id, u.display_name, u.handle, p.raised_at FROM popped p JOIN users u ON u.id = p.user_id`,
        [workshopId],
      );
      if (!row) return null;
      await recordWorkshopAudit(manager, {
        workshopId,
        actorId: user.id,
        action: 'hand.called',
        targetUserId: row.user_id,
        detail: { raisedAt: iso(row.raised_at) },
      });
      return toHand(row);
    });
    if (called) {
      this.publisher.toRoom(workshopId, 'hand.called', { workshopId, user: called.user, by: summary(user) });
      await this.publishHands(workshopId, true);
    }
    return called;
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** The socket's user, if this socket joined the room (no query: socket.io knows its rooms). */
  private requireJoined(socket: Socket, workshopId: string): AuthUser {
    if (!socket.rooms.has(Rooms.workshop(workshopId))) {
      throw new AppError(ErrorCode.NOT_FOUND, 'Join the workshop room first (workshop.join).');
    }
    return (socket.data as RoomSocketData).user;
  }

  /** A participant who may act in the live room: not removed, (optionally) not muted. */
  private async participant(
    user: AuthUser,
    workshopId: string,
    opts: { mayBeMuted: boolean; mayBeEnded?: boolean },
  ): Promise<WorkshopAccess> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    if (access.status !== 'live' && !opts.mayBeEnded) throw notLive(access.status);
    if (!opts.mayBeMuted && access.mutedUntil) {
      const seconds = Math.max(1, Math.ceil((access.mutedUntil.getTime() - Date.now()) / 1000));
      throw new AppError(ErrorCode.MUTED, `A facilitator muted you for ${duration(seconds)} more.`, undefined, seconds);
    }
    return access;
  }

  private author(data: RoomSocketData): AuthorDto {
    return authorOf(data);
  }
}

function notLive(status: WorkshopStatus): AppError {
  return new AppError(
    ErrorCode.INVALID_STATE,
    status === 'ended' ? 'This workshop has ended.' : 'This workshop has not started yet.',
  );
}
