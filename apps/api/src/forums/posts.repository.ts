import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PostLanguage } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { personJson } from '../common/person-sql';
import type { PostRef, PostRow, RevisionRow } from './forum-rows';

/**
 * Posts with author, quoted post (its source only while it is neither hidden nor deleted), open
 * flag count and whether the viewer ($1) has an open flag on it. The author as a person, with the
 * member city they belong to in a partnership's forum.
 */
const POST_SELECT = `
  SELECT p.id, p.thread_id, p.seq, p.body, p.body_html, p.edit_count, p.edited_at, p.hidden_at,
         p.hidden_reason, p.deleted_at, p.created_at,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         ${personJson('a', 'pf.partnership_id')} AS author,
         q.id AS q_id, q.seq AS q_seq,
         CASE WHEN q.hidden_at IS NULL AND q.deleted_at IS NULL THEN q.body END AS q_body,
         qa.id AS q_author_id, qa.display_name AS q_author_name,
         (SELECT count(*)::int FROM post_flags f WHERE f.post_id = p.id AND f.status = 'open') AS flag_count,
         EXISTS (SELECT 1 FROM post_flags f
                  WHERE f.post_id = p.id AND f.reporter_id = $1 AND f.status = 'open') AS flagged
    FROM posts p
    JOIN users a ON a.id = p.author_id
    JOIN threads pt ON pt.id = p.thread_id
    JOIN forums pf ON pf.id = pt.forum_id
    LEFT JOIN posts q ON q.id = p.quote_post_id
    LEFT JOIN users qa ON qa.id = q.author_id`;

export interface PostRange {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
}

export interface PostInsert {
  threadId: string;
  seq: number;
  authorId: string;
  body: string;
  bodyHtml: string;
  /** Without one, the author's interface language (the table's insert trigger). */
  language?: PostLanguage;
  quotePostId: string | null;
}

/** Posts, their revisions and their moderation state (hidden, deleted). */
@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Posts of the thread by number, in ascending order: after `afterSeq` (default: from the start),
   * or the `limit` posts just before `beforeSeq`. One statement whatever the page size.
   */
  async page(viewerId: string, threadId: string, range: PostRange): Promise<PostRow[]> {
    const params: unknown[] = [viewerId, threadId];
    const where = ['p.thread_id = $2'];
    if (range.afterSeq !== undefined) {
      params.push(range.afterSeq);
      where.push(`p.seq > $${params.length}`);
    }
    if (range.beforeSeq !== undefined) {
      params.push(range.beforeSeq);
      where.push(`p.seq < $${params.length}`);
    }
    const backwards = range.beforeSeq !== undefined && range.afterSeq === undefined;
    params.push(range.limit);
    const rows: PostRow[] = await this.dataSource.query(
      `${POST_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY p.seq ${backwards ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    if (backwards) rows.reverse();
    return rows;
  }

  /** One post as the viewer sees it, or undefined. */
  async one(viewerId: string, postId: string): Promise<PostRow | undefined> {
    const rows: PostRow[] = await this.dataSource.query(`${POST_SELECT} WHERE p.id = $2`, [viewerId, postId]);
    return rows[0];
  }

  /** The post with its author's name, thread and forum; `lock` holds the post row until commit. */
  async ref(
    postId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<PostRef | undefined> {
    const rows: PostRef[] = await manager.query(
      `SELECT p.id, p.thread_id, p.seq, p.author_id, a.display_name AS author_name, p.body, p.body_html,
              p.hidden_at, p.deleted_at, t.forum_id, t.title AS thread_title, t.last_seq
         FROM posts p JOIN threads t ON t.id = p.thread_id JOIN users a ON a.id = p.author_id
        WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [postId],
    );
    return rows[0];
  }

  async existsInThread(manager: EntityManager, postId: string, threadId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM posts WHERE id = $1 AND thread_id = $2`, [
      postId,
      threadId,
    ]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, post: PostInsert): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO posts (thread_id, seq, author_id, body, body_html, quote_post_id, language, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) RETURNING id`,
      [post.threadId, post.seq, post.authorId, post.body, post.bodyHtml, post.quotePostId, post.language ?? null],
    );
    return row.id;
  }

  /** Keeps the body an edit replaces, and who made that edit. */
  async addRevision(
    manager: EntityManager,
    post: { id: string; body: string; body_html: string },
    editorId: string,
  ): Promise<void> {
    await manager.query(`INSERT INTO post_revisions (post_id, body, body_html, editor_id) VALUES ($1, $2, $3, $4)`, [
      post.id,
      post.body,
      post.body_html,
      editorId,
    ]);
  }

  async updateBody(manager: EntityManager, postId: string, body: string, bodyHtml: string): Promise<void> {
    await manager.query(
      `UPDATE posts SET body = $2, body_html = $3, edit_count = edit_count + 1, edited_at = clock_timestamp()
        WHERE id = $1`,
      [postId, body, bodyHtml],
    );
  }

  /** Earlier versions, oldest first. */
  revisions(postId: string): Promise<RevisionRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.body, r.body_html, r.editor_id, u.display_name AS editor_name, r.created_at
           FROM post_revisions r LEFT JOIN users u ON u.id = r.editor_id
          WHERE r.post_id = $1 ORDER BY r.created_at, r.id`,
      [postId],
    );
  }

  /** Tombstone: the body stays. */
  async markDeleted(manager: EntityManager, postId: string, deletedBy: string): Promise<void> {
    await manager.query(`UPDATE posts SET deleted_at = clock_timestamp(), deleted_by = $2 WHERE id = $1`, [
      postId,
      deletedBy,
    ]);
  }

  async hide(manager: EntityManager, postId: string, hiddenBy: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE posts SET hidden_at = clock_timestamp(), hidden_by = $2, hidden_reason = $3 WHERE id = $1`,
      [postId, hiddenBy, reason],
    );
  }

  async unhide(manager: EntityManager, postId: string): Promise<void> {
    await manager.query(`UPDATE posts SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = $1`, [
      postId,
    ]);
  }

  /** Users with the given (lower-case) handles, for @mentions. */
  usersByHandles(
    manager: EntityManager,
    handles: string[],
  ): Promise<{ id: string; handle: string; display_name: string }[]> {
    return manager.query(`SELECT id, handle, display_name FROM users WHERE handle = ANY($1::text[])`, [handles]);
  }
}
