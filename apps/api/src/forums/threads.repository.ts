import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationLevel, PostLanguage, Theme } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { personJson } from '../common/person-sql';
import { exactTime } from '../common/sql';
import type { ThreadRef, ThreadRow } from './forum-rows';

/** Threads with author, last poster and the viewer's ($1) read state. */
const THREAD_SELECT = `
  SELECT t.id, t.forum_id, t.title, t.themes, t.pinned, t.locked, t.last_seq, t.post_count,
         t.created_at, t.last_posted_at, ${exactTime('t.last_posted_at')} AS last_posted_key,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         ${personJson('a', 'tf.partnership_id')} AS author,
         lp.id AS last_poster_id, lp.display_name AS last_poster_name,
         coalesce(r.last_read_seq, 0) AS last_read_seq, coalesce(r.level, 'normal') AS level
    FROM threads t
    JOIN users a ON a.id = t.author_id
    JOIN forums tf ON tf.id = t.forum_id
    LEFT JOIN users lp ON lp.id = t.last_poster_id
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1`;

export interface ThreadListFilter {
  theme?: Theme;
  /** Keyset: the (pinned, last_posted_key, id) of the last thread already listed. */
  after: [number, string, string] | null;
  /** Rows to read. */
  take: number;
}

/** Threads, their gap-free post numbering and the per-user read state (`thread_reads`). */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pinned first, then latest activity; keyset on (pinned, last_posted_at, id). One statement. */
  page(viewerId: string, forumId: string, filter: ThreadListFilter): Promise<ThreadRow[]> {
    const params: unknown[] = [viewerId, forumId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['t.forum_id = $2'];
    if (filter.theme) where.push(`t.themes @> ARRAY[${p(filter.theme)}]::text[]`);
    const after = filter.after;
    if (after) {
      where.push(
        `(t.pinned::int, t.last_posted_at, t.id) < (${p(after[0])}::int, ${p(after[1])}::timestamptz, ${p(after[2])}::uuid)`,
      );
    }
    return this.dataSource.query(
      `${THREAD_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY t.pinned DESC, t.last_posted_at DESC, t.id DESC LIMIT ${p(filter.take)}`,
      params,
    );
  }

  /** The thread with the viewer's read state, or undefined. */
  async one(viewerId: string, threadId: string): Promise<ThreadRow | undefined> {
    const [row]: ThreadRow[] = await this.dataSource.query(`${THREAD_SELECT} WHERE t.id = $2`, [viewerId, threadId]);
    return row;
  }

  /** The thread's forum, numbering and state; `lock` holds its row until commit. */
  async ref(
    threadId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ThreadRef | undefined> {
    const rows: ThreadRef[] = await manager.query(
      `SELECT id, forum_id, title, locked, pinned, last_seq FROM threads WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [threadId],
    );
    return rows[0];
  }

  /**
   * A new thread already numbered for its first post (last_seq 1), by its author. Without a
   * language it takes the author's interface language (the table's insert trigger).
   */
  async insert(
    manager: EntityManager,
    thread: { forumId: string; authorId: string; title: string; themes: Theme[]; language?: PostLanguage },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO threads (forum_id, author_id, title, themes, language, last_seq, post_count, last_posted_at, last_poster_id)
       VALUES ($1, $2, $3, $4, $5, 1, 1, clock_timestamp(), $2) RETURNING id`,
      [thread.forumId, thread.authorId, thread.title, thread.themes, thread.language ?? null],
    );
    return row.id;
  }

  /**
   * Takes the thread's next post number for a reply by `posterId`. Locks the thread row until
   * commit: concurrent replies queue here and get consecutive numbers.
   */
  async takeNextSeq(
    manager: EntityManager,
    threadId: string,
    posterId: string,
  ): Promise<{ last_seq: number; locked: boolean }> {
    // (wrapped in a SELECT so the driver returns rows)
    const [numbered]: { last_seq: number; locked: boolean }[] = await manager.query(
      `WITH numbered AS (
         UPDATE threads
            SET last_seq = last_seq + 1, post_count = post_count + 1, last_posted_at = clock_timestamp(),
                last_poster_id = $2, updated_at = now()
          WHERE id = $1
      RETURNING last_seq, locked)
       SELECT last_seq, locked FROM numbered`,
      [threadId, posterId],
    );
    return numbered;
  }

  /** Pin/unpin and lock/unlock; null leaves a flag as it is. */
  async setModeration(
    manager: EntityManager,
    threadId: string,
    change: { pinned: boolean | null; locked: boolean | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE threads SET pinned = coalesce($2, pinned), locked = coalesce($3, locked), updated_at = now()
        WHERE id = $1`,
      [threadId, change.pinned, change.locked],
    );
  }

  // --- read state ------------------------------------------------------------------------------

  /** Moves the user's read position forward only, never past the last post. */
  async markRead(userId: string, threadId: string, lastReadSeq: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
       SELECT $1, t.id, LEAST($3::int, t.last_seq) FROM threads t WHERE t.id = $2
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [userId, threadId, lastReadSeq],
    );
  }

  async setLevel(userId: string, threadId: string, level: NotificationLevel): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [userId, threadId, level],
    );
  }

  /** The author has read up to their own post and watches the thread, unless they muted it. */
  async readOwnPost(manager: EntityManager, userId: string, threadId: string, seq: number): Promise<void> {
    await manager.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq, level) VALUES ($1, $2, $3, 'watching')
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq),
             level = CASE WHEN thread_reads.level = 'muted' THEN 'muted' ELSE 'watching' END,
             updated_at = now()`,
      [userId, threadId, seq],
    );
  }

  /**
   * Notification levels in the thread of everyone but `exceptId` who is watching it (when
   * `watchers`) or among `userIds`.
   */
  levels(
    manager: EntityManager,
    threadId: string,
    exceptId: string,
    watchers: boolean,
    userIds: string[],
  ): Promise<{ user_id: string; level: NotificationLevel }[]> {
    return manager.query(
      `SELECT user_id, level FROM thread_reads
        WHERE thread_id = $1 AND user_id <> $2 AND (($3::boolean AND level = 'watching') OR user_id = ANY($4::uuid[]))`,
      [threadId, exceptId, watchers, userIds],
    );
  }
}
