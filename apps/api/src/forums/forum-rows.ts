import {
  ErrorCode,
  type ForumKind,
  type ForumSummaryDto,
  type NotificationLevel,
  type PostDto,
  type Theme,
  type ThreadSummaryDto,
} from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { escapeHtml, plainExcerpt } from '../common/markdown';
import { exactTime, iso, isoOrNull } from '../common/sql';

/** Row SQL and mappers shared by the forum services. Each list is one statement whatever its length. */

// --- forums ------------------------------------------------------------------------------------

export interface ForumRow {
  id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_id: string | null;
  partnership_title: string | null;
  thread_count: number;
  last_posted_at: Date | null;
  unread_threads: number;
}

/** Forums with their counts and the viewer's ($1) unread threads (posts after their read position, not muted). */
export const FORUM_SELECT = `
  SELECT f.id, f.kind, f.theme, p.id AS partnership_id, p.title AS partnership_title,
         s.thread_count, s.last_posted_at, s.unread_threads
    FROM forums f
    LEFT JOIN partnerships p ON p.id = f.partnership_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS thread_count, max(t.last_posted_at) AS last_posted_at,
             (count(*) FILTER (WHERE t.last_seq > coalesce(r.last_read_seq, 0)
                                 AND coalesce(r.level, 'normal') <> 'muted'))::int AS unread_threads
        FROM threads t
        LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
       WHERE t.forum_id = f.id) s ON TRUE`;

export function toForumSummary(row: ForumRow): ForumSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    theme: row.theme,
    partnership: row.partnership_id !== null ? { id: row.partnership_id, title: row.partnership_title ?? '' } : null,
    threadCount: row.thread_count,
    lastPostedAt: isoOrNull(row.last_posted_at),
    unreadThreads: row.unread_threads,
  };
}

// --- threads -----------------------------------------------------------------------------------

export interface ThreadRow {
  id: string;
  forum_id: string;
  title: string;
  themes: Theme[];
  pinned: boolean;
  locked: boolean;
  last_seq: number;
  post_count: number;
  created_at: Date;
  last_posted_at: Date;
  last_posted_key: string;
  author_id: string;
  author_name: string;
  author_handle: string;
  last_poster_id: string | null;
  last_poster_name: string | null;
  last_read_seq: number;
  level: NotificationLevel;
}

/** Threads with author, last poster and the viewer's ($1) read state. */
export const THREAD_SELECT = `
  SELECT t.id, t.forum_id, t.title, t.themes, t.pinned, t.locked, t.last_seq, t.post_count,
         t.created_at, t.last_posted_at, ${exactTime('t.last_posted_at')} AS last_posted_key,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         lp.id AS last_poster_id, lp.display_name AS last_poster_name,
         coalesce(r.last_read_seq, 0) AS last_read_seq, coalesce(r.level, 'normal') AS level
    FROM threads t
    JOIN users a ON a.id = t.author_id
    LEFT JOIN users lp ON lp.id = t.last_poster_id
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1`;

export function toThreadSummary(row: ThreadRow): ThreadSummaryDto {
  const lastRead = Math.min(row.last_read_seq, row.last_seq);
  const unread = Math.max(0, row.last_seq - lastRead);
  return {
    id: row.id,
    forumId: row.forum_id,
    title: row.title,
    themes: row.themes,
    author: { id: row.author_id, displayName: row.author_name, handle: row.author_handle },
    pinned: row.pinned,
    locked: row.locked,
    lastSeq: row.last_seq,
    postCount: row.post_count,
    createdAt: iso(row.created_at),
    lastPostedAt: iso(row.last_posted_at),
    lastPoster: row.last_poster_id ? { id: row.last_poster_id, displayName: row.last_poster_name ?? '' } : null,
    unreadCount: unread,
    firstUnreadSeq: unread > 0 ? lastRead + 1 : null,
    notificationLevel: row.level,
  };
}

// --- posts -------------------------------------------------------------------------------------

export interface PostRow {
  id: string;
  thread_id: string;
  seq: number;
  body: string;
  body_html: string;
  edit_count: number;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  deleted_at: Date | null;
  created_at: Date;
  author_id: string;
  author_name: string;
  author_handle: string;
  q_id: string | null;
  q_seq: number | null;
  q_body: string | null;
  q_author_id: string | null;
  q_author_name: string | null;
  flag_count: number;
  flagged: boolean;
}

/**
 * Posts with author, quoted post (its source only while it is neither hidden nor deleted), open
 * flag count and whether the viewer ($1) has an open flag on it.
 */
export const POST_SELECT = `
  SELECT p.id, p.thread_id, p.seq, p.body, p.body_html, p.edit_count, p.edited_at, p.hidden_at,
         p.hidden_reason, p.deleted_at, p.created_at,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         q.id AS q_id, q.seq AS q_seq,
         CASE WHEN q.hidden_at IS NULL AND q.deleted_at IS NULL THEN q.body END AS q_body,
         qa.id AS q_author_id, qa.display_name AS q_author_name,
         (SELECT count(*)::int FROM post_flags f WHERE f.post_id = p.id AND f.status = 'open') AS flag_count,
         EXISTS (SELECT 1 FROM post_flags f
                  WHERE f.post_id = p.id AND f.reporter_id = $1 AND f.status = 'open') AS flagged
    FROM posts p
    JOIN users a ON a.id = p.author_id
    LEFT JOIN posts q ON q.id = p.quote_post_id
    LEFT JOIN users qa ON qa.id = q.author_id`;

/** What the viewer may do in the post's forum. */
export interface PostViewer {
  userId: string;
  canModerate: boolean;
  /** May write in the forum now: canPost and not silenced (authors edit and delete their own posts with it). */
  canWrite: boolean;
}

export const QUOTE_EXCERPT_LENGTH = 240;

export function toPostDto(row: PostRow, viewer: PostViewer): PostDto {
  const own = row.author_id === viewer.userId;
  const deleted = row.deleted_at !== null;
  const hidden = row.hidden_at !== null;
  // Deleted and hidden bodies stay in the database and reach moderators only.
  const showBody = viewer.canModerate || (!deleted && !hidden);
  const mayChange = !deleted && (viewer.canModerate || (own && viewer.canWrite));
  return {
    id: row.id,
    threadId: row.thread_id,
    seq: row.seq,
    author: { id: row.author_id, displayName: row.author_name, handle: row.author_handle },
    body: showBody ? row.body : null,
    bodyHtml: showBody ? row.body_html : null,
    quote:
      row.q_id !== null
        ? {
            id: row.q_id,
            seq: row.q_seq ?? 0,
            author: { id: row.q_author_id ?? '', displayName: row.q_author_name ?? '' },
            excerptHtml: row.q_body !== null ? escapeHtml(plainExcerpt(row.q_body, QUOTE_EXCERPT_LENGTH)) : null,
          }
        : null,
    createdAt: iso(row.created_at),
    editedAt: isoOrNull(row.edited_at),
    editCount: row.edit_count,
    deleted,
    hidden,
    hiddenReason: viewer.canModerate ? row.hidden_reason : null,
    flagCount: viewer.canModerate ? row.flag_count : 0,
    viewer: {
      canEdit: mayChange,
      canDelete: mayChange,
      canFlag: !own && !deleted && !hidden && !row.flagged,
      flagged: row.flagged,
    },
  };
}

// --- silences ----------------------------------------------------------------------------------

/** When the user's silence in the forum ends, or null when they are not silenced. */
export async function silencedUntil(manager: EntityManager, forumId: string, userId: string): Promise<Date | null> {
  const rows: { until: Date }[] = await manager.query(
    `SELECT until FROM forum_silences WHERE forum_id = $1 AND user_id = $2 AND until > now()`,
    [forumId, userId],
  );
  return rows[0] ? new Date(rows[0].until) : null;
}

export function silencedError(until: Date): AppError {
  return new AppError(
    ErrorCode.SILENCED,
    `A moderator has silenced you in this forum until ${until.toISOString()}; you can read but not write until then.`,
  );
}
