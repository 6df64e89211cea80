import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkshopJoinResult, WorkshopMessageDto, WorkshopStatus } from '@twinning/contracts';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { iso } from '../common/sql';
import { PreparedStatements, type PreparedStatement } from '../database/prepared-statements';
import type { TranscriptMessage } from './workshop-transcript';
import { MESSAGE_COLUMNS, MESSAGE_FROM, toMessageDto, type MessageRow } from './workshop-rows';

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
export const SEND_BATCH_MAX = 200;

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

/** The room's policy as it applies to one author, for explaining a refused send. */
export interface SendRefusalRow {
  status: WorkshopStatus;
  locked: boolean;
  slow_mode_seconds: number;
  facilitator: boolean;
  removed: boolean;
  muted_seconds: number | null;
  slow_seconds: number | null;
}

/** The columns of a batch, one entry per send, in order. */
export interface SendBatchColumns {
  authorIds: string[];
  clientIds: string[];
  bodies: string[];
  bodiesHtml: string[];
  admins: boolean[];
}

/** A send statement failed because the (author, clientId) is already stored: a retry. */
export function isClientIdRetry(error: unknown): boolean {
  const driver =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driver?.code === '23505' && (driver.constraint ?? '').includes('client_id');
}

// UPDATE and DELETE … RETURNING are wrapped in `WITH … SELECT` below: through TypeORM the driver
// answers a bare UPDATE or DELETE with [rows, rowCount], a SELECT with its rows.

/**
 * Messages of workshop rooms: the send statements (prepared, on their own pool), pages, pins and
 * deletions. The send methods return the rows as the statement answers them, so the writer maps
 * and publishes them in one pass.
 */
@Injectable()
export class RoomMessagesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  /** SEND_SQL: the stored message, or no row when the policy refused. */
  sendOne(
    workshopId: string,
    authorId: string,
    clientId: string,
    body: string,
    bodyHtml: string,
    isAdmin: boolean,
  ): Promise<MessageRow[]> {
    return this.prepared.query<MessageRow>(SEND_SQL, [workshopId, authorId, clientId, body, bodyHtml, isAdmin]);
  }

  /** SEND_BATCH_SQL: the accepted messages, in seq order. */
  sendBatch(workshopId: string, batch: SendBatchColumns): Promise<MessageRow[]> {
    return this.prepared.query<MessageRow>(SEND_BATCH_SQL, [
      workshopId,
      batch.authorIds,
      batch.clientIds,
      batch.bodies,
      batch.bodiesHtml,
      batch.admins,
    ]);
  }

  async sendRefusal(workshopId: string, userId: string, isAdmin: boolean): Promise<SendRefusalRow | undefined> {
    const [row]: SendRefusalRow[] = await this.dataSource.query(SEND_REFUSAL_SQL, [workshopId, userId, isAdmin]);
    return row;
  }

  /** The message an author already stored under `clientId`, if any. */
  async byClientId(workshopId: string, authorId: string, clientId: string): Promise<WorkshopMessageDto | null> {
    const [row]: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.author_id = $2 AND m.client_id = $3`,
      [workshopId, authorId, clientId],
    );
    return row ? toMessageDto(row) : null;
  }

  async byId(workshopId: string, messageId: string): Promise<MessageRow | undefined> {
    const [row]: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.id = $1 AND m.workshop_id = $2`,
      [messageId, workshopId],
    );
    return row;
  }

  /**
   * Up to `limit` messages: after `afterSeq` (oldest first), else before `beforeSeq` or the latest
   * (newest first). Callers ask one more than they show, to tell whether there are more.
   */
  page(workshopId: string, range: { afterSeq?: number; beforeSeq?: number }, limit: number): Promise<MessageRow[]> {
    const params: unknown[] = [workshopId];
    const where = ['m.workshop_id = $1'];
    if (range.afterSeq !== undefined) {
      params.push(range.afterSeq);
      where.push(`m.seq > $${params.length}`);
    }
    if (range.beforeSeq !== undefined) {
      params.push(range.beforeSeq);
      where.push(`m.seq < $${params.length}`);
    }
    params.push(limit);
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE ${where.join(' AND ')}
        ORDER BY m.seq ${range.afterSeq !== undefined ? 'ASC' : 'DESC'} LIMIT $${params.length}`,
      params,
    );
  }

  /** The deleted messages up to `seq`: what a client replaying from there must drop. */
  async tombstones(workshopId: string, seq: number): Promise<WorkshopJoinResult['tombstones']> {
    const rows: { id: string; seq: number; deleted_at: Date }[] = await this.dataSource.query(
      `SELECT id, seq, deleted_at FROM workshop_messages
        WHERE workshop_id = $1 AND seq <= $2 AND deleted_at IS NOT NULL ORDER BY seq`,
      [workshopId, seq],
    );
    return rows.map((t) => ({ id: t.id, seq: t.seq, deletedAt: iso(t.deleted_at) }));
  }

  async pinned(workshopId: string): Promise<WorkshopMessageDto[]> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
        WHERE m.workshop_id = $1 AND m.pinned_at IS NOT NULL AND m.deleted_at IS NULL ORDER BY m.seq`,
      [workshopId],
    );
    return rows.map(toMessageDto);
  }

  /** Marks a message deleted (and unpinned); no row when there is no such live message. */
  async softDelete(
    manager: EntityManager,
    workshopId: string,
    messageId: string,
    by: string,
  ): Promise<{ id: string; seq: number; author_id: string; deleted_at: Date } | undefined> {
    const [row]: { id: string; seq: number; author_id: string; deleted_at: Date }[] = await manager.query(
      `WITH d AS (
         UPDATE workshop_messages
            SET deleted_at = clock_timestamp(), deleted_by = $3, pinned_at = NULL, pinned_by = NULL
          WHERE id = $1 AND workshop_id = $2 AND deleted_at IS NULL
      RETURNING id, seq, author_id, deleted_at)
       SELECT id, seq, author_id, deleted_at FROM d`,
      [messageId, workshopId, by],
    );
    return row;
  }

  async exists(manager: EntityManager, workshopId: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM workshop_messages WHERE id = $1 AND workshop_id = $2`, [
      messageId,
      workshopId,
    ]);
    return rows.length > 0;
  }

  /** Pins of one room are counted and changed one at a time (without blocking senders). */
  async lockPins(manager: EntityManager, workshopId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('workshop-pins:' || $1))`, [workshopId]);
  }

  /** The message with the number of messages pinned in its room. */
  async withPinnedCount(
    manager: EntityManager,
    workshopId: string,
    messageId: string,
  ): Promise<(MessageRow & { pinned_count: number }) | undefined> {
    const [row]: (MessageRow & { pinned_count: number })[] = await manager.query(
      `SELECT ${MESSAGE_COLUMNS},
              (SELECT count(*)::int FROM workshop_messages p
                WHERE p.workshop_id = m.workshop_id AND p.pinned_at IS NOT NULL AND p.deleted_at IS NULL) AS pinned_count
         FROM ${MESSAGE_FROM} WHERE m.id = $1 AND m.workshop_id = $2`,
      [messageId, workshopId],
    );
    return row;
  }

  async setPinned(manager: EntityManager, messageId: string, pinned: boolean, by: string): Promise<void> {
    await manager.query(
      pinned
        ? `UPDATE workshop_messages SET pinned_at = clock_timestamp(), pinned_by = $2 WHERE id = $1`
        : `UPDATE workshop_messages SET pinned_at = NULL, pinned_by = NULL WHERE id = $1`,
      pinned ? [messageId, by] : [messageId],
    );
  }

  /** The transcript's messages after `seq`, `limit` at a time. */
  transcriptPage(workshopId: string, seq: number, limit: number): Promise<TranscriptMessage[]> {
    return this.dataSource.query(
      `SELECT m.seq, u.display_name AS author_name, u.handle AS author_handle, m.body, m.created_at,
              m.deleted_at, m.pinned_at
         FROM ${MESSAGE_FROM} WHERE m.workshop_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
      [workshopId, seq, limit],
    );
  }
}
