import {
  type ForumKind,
  type ForumSummaryDto,
  type NotificationLevel,
  type PostDto,
  type PostRevisionDto,
  type Theme,
  type ThreadSummaryDto,
} from '@twinning/contracts';
import { escapeHtml, plainExcerpt } from '../common/markdown';
import { toPerson, type PersonJson } from '../common/person-sql';
import { iso, isoOrNull } from '../common/sql';

/** Row types the forum repositories return, and their mappers to DTOs. */

// --- forums ------------------------------------------------------------------------------------

export interface ForumRow {
  id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_id: string | null;
  partnership_title: string | null;
  course_id: string | null;
  course_title: string | null;
  thread_count: number;
  last_posted_at: Date | null;
  unread_threads: number;
}

export function toForumSummary(row: ForumRow): ForumSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    theme: row.theme,
    partnership: row.partnership_id !== null ? { id: row.partnership_id, title: row.partnership_title ?? '' } : null,
    course: row.course_id !== null ? { id: row.course_id, title: row.course_title ?? '' } : null,
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
  author: PersonJson;
  last_poster_id: string | null;
  last_poster_name: string | null;
  last_read_seq: number;
  level: NotificationLevel;
}

/** A thread as policy needs it: its forum, numbering and state. */
export interface ThreadRef {
  id: string;
  forum_id: string;
  title: string;
  locked: boolean;
  pinned: boolean;
  last_seq: number;
}

export function toThreadSummary(row: ThreadRow): ThreadSummaryDto {
  const lastRead = Math.min(row.last_read_seq, row.last_seq);
  const unread = Math.max(0, row.last_seq - lastRead);
  return {
    id: row.id,
    forumId: row.forum_id,
    title: row.title,
    themes: row.themes,
    author: toPerson(row.author),
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
  author: PersonJson;
  q_id: string | null;
  q_seq: number | null;
  q_body: string | null;
  q_author_id: string | null;
  q_author_name: string | null;
  flag_count: number;
  flagged: boolean;
}

/** A post as policy needs it: author, state, thread and forum. */
export interface PostRef {
  id: string;
  thread_id: string;
  seq: number;
  author_id: string;
  author_name: string;
  body: string;
  body_html: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
  forum_id: string;
  thread_title: string;
  last_seq: number;
}

export interface RevisionRow {
  id: string;
  body: string;
  body_html: string;
  editor_id: string | null;
  editor_name: string | null;
  created_at: Date;
}

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
    author: toPerson(row.author),
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

export function toRevisionDto(row: RevisionRow): PostRevisionDto {
  return {
    id: row.id,
    body: row.body,
    bodyHtml: row.body_html,
    editor: { id: row.editor_id ?? '', displayName: row.editor_name ?? '' },
    createdAt: iso(row.created_at),
  };
}
