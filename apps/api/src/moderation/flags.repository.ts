import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlagDto, FlagReason, FlagStatus, ForumKind, Theme } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { exactTime, iso, isoOrNull } from '../common/sql';

interface FlagRow {
  id: string;
  reason: FlagReason;
  note: string;
  status: FlagStatus;
  created_at: Date;
  created_key: string;
  resolved_at: Date | null;
  reporter_id: string;
  reporter_name: string;
  resolver_id: string | null;
  resolver_name: string | null;
  post_id: string;
  seq: number;
  body_html: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
  post_author_id: string;
  post_author_name: string;
  open_flag_count: number;
  thread_id: string;
  title: string;
  forum_id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_title: string | null;
  course_title: string | null;
}

const FLAG_SELECT = `
  SELECT fl.id, fl.reason, fl.note, fl.status, fl.created_at, ${exactTime('fl.created_at')} AS created_key,
         fl.resolved_at, r.id AS reporter_id, r.display_name AS reporter_name,
         rb.id AS resolver_id, rb.display_name AS resolver_name,
         p.id AS post_id, p.seq, p.body_html, p.hidden_at, p.deleted_at,
         pa.id AS post_author_id, pa.display_name AS post_author_name,
         (SELECT count(*)::int FROM post_flags o WHERE o.post_id = p.id AND o.status = 'open') AS open_flag_count,
         t.id AS thread_id, t.title, f.id AS forum_id, f.kind, f.theme, pt.title AS partnership_title, f.course_title
    FROM post_flags fl
    JOIN users r ON r.id = fl.reporter_id
    LEFT JOIN users rb ON rb.id = fl.resolved_by
    JOIN posts p ON p.id = fl.post_id
    JOIN users pa ON pa.id = p.author_id
    JOIN threads t ON t.id = p.thread_id
    JOIN forums f ON f.id = t.forum_id
    LEFT JOIN partnerships pt ON pt.id = f.partnership_id`;

function toFlagDto(row: FlagRow): FlagDto {
  return {
    id: row.id,
    reason: row.reason,
    note: row.note,
    status: row.status,
    reporter: { id: row.reporter_id, displayName: row.reporter_name },
    createdAt: iso(row.created_at),
    resolvedAt: isoOrNull(row.resolved_at),
    resolvedBy: row.resolver_id ? { id: row.resolver_id, displayName: row.resolver_name ?? '' } : null,
    post: {
      id: row.post_id,
      seq: row.seq,
      author: { id: row.post_author_id, displayName: row.post_author_name },
      // The queue is for moderators, who see hidden and deleted text.
      bodyHtml: row.body_html,
      hidden: row.hidden_at !== null,
      deleted: row.deleted_at !== null,
      openFlagCount: row.open_flag_count,
    },
    thread: { id: row.thread_id, title: row.title },
    forum: {
      id: row.forum_id,
      kind: row.kind,
      theme: row.theme,
      partnershipTitle: row.partnership_title,
      courseTitle: row.course_title,
    },
  };
}

export interface FlagQueueFilter {
  status: FlagStatus;
  /** Only flags in these forums; all forums when absent. */
  forumIds?: string[];
  /** Keyset: the (created_key, id) of the last flag already listed. */
  after: [string, string] | null;
  /** Rows to read. */
  take: number;
}

/** Flags of the queue, with the keyset (created_key, id) of each, in the same order, for cursors. */
export interface FlagPage {
  items: FlagDto[];
  keys: [string, string][];
}

/** Flags on posts (`post_flags`) and the moderators' queue of them. */
@Injectable()
export class FlagsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An open flag by the reporter, unless they already have one open on the post: then false. */
  async insertOpen(flag: { postId: string; reporterId: string; reason: FlagReason; note: string }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO post_flags (post_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_id, reporter_id) WHERE status = 'open' DO NOTHING RETURNING id`,
      [flag.postId, flag.reporterId, flag.reason, flag.note],
    );
    return rows.length > 0;
  }

  /** Open flags oldest first (a queue); decided ones newest first (a history). One statement. */
  async page(filter: FlagQueueFilter): Promise<FlagPage> {
    const params: unknown[] = [filter.status];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['fl.status = $1'];
    if (filter.forumIds) where.push(`t.forum_id = ANY(${p(filter.forumIds)}::uuid[])`);
    const dir = filter.status === 'open' ? 'ASC' : 'DESC';
    const after = filter.after;
    if (after) {
      where.push(
        `(fl.created_at, fl.id) ${dir === 'ASC' ? '>' : '<'} (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`,
      );
    }
    const rows: FlagRow[] = await this.dataSource.query(
      `${FLAG_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY fl.created_at ${dir}, fl.id ${dir} LIMIT ${p(filter.take)}`,
      params,
    );
    return { items: rows.map(toFlagDto), keys: rows.map((r) => [r.created_key, r.id]) };
  }

  /** The flag as the queue shows it (the caller knows it exists). */
  async one(flagId: string): Promise<FlagDto> {
    const [row]: FlagRow[] = await this.dataSource.query(`${FLAG_SELECT} WHERE fl.id = $1`, [flagId]);
    return toFlagDto(row);
  }

  /** The post a flag is on, or undefined when there is no such flag. */
  async postIdOf(manager: EntityManager, flagId: string): Promise<string | undefined> {
    const found: { post_id: string }[] = await manager.query(`SELECT post_id FROM post_flags WHERE id = $1`, [flagId]);
    return found[0]?.post_id;
  }

  /** Locks the flag row until commit (take the post's lock first); the caller knows it exists. */
  async lock(manager: EntityManager, flagId: string): Promise<{ id: string; status: FlagStatus; reason: FlagReason }> {
    const rows: { id: string; status: FlagStatus; reason: FlagReason }[] = await manager.query(
      `SELECT id, status, reason FROM post_flags WHERE id = $1 FOR UPDATE`,
      [flagId],
    );
    return rows[0];
  }

  async dismiss(manager: EntityManager, flagId: string, resolverId: string): Promise<void> {
    await manager.query(
      `UPDATE post_flags SET status = 'dismissed', resolved_by = $2, resolved_at = clock_timestamp() WHERE id = $1`,
      [flagId, resolverId],
    );
  }

  /** Upholds every open flag on the post. */
  async upholdOpen(manager: EntityManager, postId: string, resolverId: string): Promise<void> {
    await manager.query(
      `UPDATE post_flags SET status = 'upheld', resolved_by = $2, resolved_at = clock_timestamp()
        WHERE post_id = $1 AND status = 'open'`,
      [postId, resolverId],
    );
  }
}
