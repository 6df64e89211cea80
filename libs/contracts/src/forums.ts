import type { AuthorDto, UserSummary } from './auth';
import type { PersonSummary } from './people';
import type { FlagReason, FlagStatus, NotificationLevel, Theme } from './domain';
import type { Page, PageQuery } from './pagination';

/**
 * Languages a post or thread may be written in (the author's interface language by default).
 * Search stems English, French, Spanish and Arabic; the others, and `und` (another language), are
 * matched word for word.
 */
export const POST_LANGUAGES = ['en', 'fr', 'es', 'ar', 'nl', 'de', 'ms', 'id', 'vi', 'th', 'zh', 'tl', 'und'] as const;
export type PostLanguage = (typeof POST_LANGUAGES)[number];

/**
 * A partnership's private forum (members only), a public community forum for one theme, or a course's
 * discussion forum (public like a theme forum: every signed-in user reads and posts, admins moderate).
 */
export type ForumKind = 'partnership' | 'theme' | 'course';

/** Forums everyone signed in reads and writes in, moderated by platform admins. */
export const PUBLIC_FORUM_KINDS: readonly ForumKind[] = ['theme', 'course'];

export interface ForumSummaryDto {
  id: string;
  kind: ForumKind;
  /** For theme forums. */
  theme: Theme | null;
  /** For partnership forums. */
  partnership: { id: string; title: string } | null;
  /** For course forums: the course and the title of its latest published version. */
  course: { id: string; title: string } | null;
  threadCount: number;
  lastPostedAt: string | null;
  /** Threads with posts the viewer has not read. */
  unreadThreads: number;
}

export interface ForumDto extends ForumSummaryDto {
  viewer: {
    canPost: boolean;
    canModerate: boolean;
    /** Set while a moderator has silenced the viewer in this forum. */
    silencedUntil: string | null;
  };
}

export interface ThreadSummaryDto {
  id: string;
  forumId: string;
  title: string;
  themes: Theme[];
  author: PersonSummary;
  pinned: boolean;
  locked: boolean;
  /** Number of the last post; posts are numbered 1, 2, 3… in the thread. */
  lastSeq: number;
  postCount: number;
  createdAt: string;
  lastPostedAt: string;
  lastPoster: UserSummary | null;
  /** Posts after the viewer's last read one; equal to postCount when never opened. */
  unreadCount: number;
  /** Post number to jump to (first unread), null when all is read. */
  firstUnreadSeq: number | null;
  notificationLevel: NotificationLevel;
}

export interface ThreadDto extends ThreadSummaryDto {
  forum: ForumSummaryDto;
  lastReadSeq: number;
  viewer: {
    canReply: boolean;
    canModerate: boolean;
    silencedUntil: string | null;
  };
}

export interface QuotedPostDto {
  id: string;
  seq: number;
  author: UserSummary;
  /** Sanitised HTML excerpt; null when the quoted post was hidden or deleted. */
  excerptHtml: string | null;
}

export interface PostDto {
  id: string;
  threadId: string;
  seq: number;
  author: PersonSummary;
  /** Markdown source; null when deleted or hidden (except for moderators). */
  body: string | null;
  /** Server-rendered, sanitised HTML of `body`. */
  bodyHtml: string | null;
  quote: QuotedPostDto | null;
  createdAt: string;
  editedAt: string | null;
  editCount: number;
  deleted: boolean;
  hidden: boolean;
  /** Shown to moderators only. */
  hiddenReason: string | null;
  /** Open flags, shown to moderators only. */
  flagCount: number;
  viewer: { canEdit: boolean; canDelete: boolean; canFlag: boolean; flagged: boolean };
}

export interface PostRevisionDto {
  id: string;
  body: string;
  bodyHtml: string;
  editor: UserSummary;
  createdAt: string;
}

export interface ThreadListQuery extends PageQuery {
  theme?: Theme;
}

export interface PostListQuery {
  /** Posts with seq greater than this (forward paging, "jump to first unread"). */
  afterSeq?: number;
  /** Posts with seq smaller than this (backward paging). */
  beforeSeq?: number;
  limit?: number;
}

/** A page of posts; cursors are post numbers. */
export interface PostPage {
  items: PostDto[];
  /** Pass as afterSeq for the next page; null at the end. */
  nextAfterSeq: number | null;
  /** Pass as beforeSeq for the previous page; null at the start. */
  prevBeforeSeq: number | null;
}

export interface CreateThreadRequest {
  title: string;
  body: string;
  themes?: Theme[];
  /** The language the thread is written in; the author's interface language when left out. */
  language?: PostLanguage;
}

export interface CreatePostRequest {
  body: string;
  quotePostId?: string;
  /** The language the post is written in; the author's interface language when left out. */
  language?: PostLanguage;
}

export interface EditPostRequest {
  body: string;
}

export interface MarkReadRequest {
  /** The highest post number the viewer has seen; reads never go backwards. */
  lastReadSeq: number;
}

export interface SetNotificationLevelRequest {
  level: NotificationLevel;
}

export interface ModerateThreadRequest {
  pinned?: boolean;
  locked?: boolean;
  reason?: string;
}

export interface PreviewRequest {
  body: string;
}

export interface PreviewDto {
  html: string;
  /** Handles in the text that resolve to a user (who may or may not see the thread). */
  mentions: string[];
}

export type MentionCandidateDto = AuthorDto;

export interface SearchQuery extends PageQuery {
  q: string;
  forumId?: string;
  theme?: Theme;
}

/** A forum as search results, flags and audit entries name it. */
export interface ForumRefDto {
  id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnershipTitle: string | null;
  /** For course forums: the course's title. */
  courseTitle: string | null;
}

export interface SearchResultDto {
  thread: { id: string; title: string; forumId: string; themes: Theme[] };
  forum: ForumRefDto;
  post: { id: string; seq: number; author: PersonSummary; createdAt: string; language: PostLanguage };
  /** Title with matches wrapped in <mark>, HTML-escaped otherwise. */
  titleHtml: string;
  /** Excerpt of the post with matches wrapped in <mark>, HTML-escaped otherwise. */
  headlineHtml: string;
  rank: number;
}

/** Matches beyond which only the newest ones are ranked. */
export const SEARCH_RANK_LIMIT = 2000;

export interface SearchPage extends Page<SearchResultDto> {
  /** More than SEARCH_RANK_LIMIT posts matched: only the newest SEARCH_RANK_LIMIT were ranked. */
  capped: boolean;
}

// ---------------------------------------------------------------------------------------------
// Moderation

export interface FlagPostRequest {
  reason: FlagReason;
  note?: string;
}

export interface FlagDto {
  id: string;
  reason: FlagReason;
  note: string;
  status: FlagStatus;
  reporter: UserSummary;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: UserSummary | null;
  post: {
    id: string;
    seq: number;
    author: UserSummary;
    bodyHtml: string | null;
    hidden: boolean;
    deleted: boolean;
    /** Open flags on the post, this one included. */
    openFlagCount: number;
  };
  thread: { id: string; title: string };
  forum: ForumRefDto;
}

export interface FlagQueueQuery extends PageQuery {
  status?: FlagStatus;
}

export interface ResolveFlagRequest {
  /** uphold hides the post (and resolves every open flag on it); dismiss keeps it. */
  decision: 'uphold' | 'dismiss';
  reason?: string;
}

export interface ModeratePostRequest {
  reason: string;
}

export interface SilenceUserRequest {
  userId: string;
  minutes: number;
  reason: string;
}

export interface SilenceDto {
  user: UserSummary;
  until: string;
  reason: string;
  createdBy: UserSummary;
  createdAt: string;
}

export const AUDIT_ACTIONS = [
  'post.hide',
  'post.restore',
  'post.delete',
  'thread.lock',
  'thread.unlock',
  'thread.pin',
  'thread.unpin',
  'flag.dismiss',
  'flag.uphold',
  'user.silence',
  'user.unsilence',
  'user.roles',
  'certificate.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryDto {
  id: string;
  actor: UserSummary;
  action: AuditAction;
  target: {
    type: 'post' | 'thread' | 'user' | 'flag' | 'certificate';
    id: string;
    /** As written when the action happened (English for posts and flags; use `post` and `flagReason` to show it). */
    label: string;
    /** For a post or a flag on a post: which post it was, to be worded in the reader's language. */
    post?: AuditPostRef;
    /** For a flag: what it reported. */
    flagReason?: FlagReason;
  };
  forum: ForumRefDto | null;
  /** What the moderator wrote (empty when nothing). */
  reason: string;
  /** Set when no reason was written and the post was hidden because a flag of this kind was upheld. */
  reasonFlagged?: FlagReason;
  createdAt: string;
}

/** A post as an audit entry names it: its number in its thread, the thread's title, its author then. */
export interface AuditPostRef {
  seq: number;
  threadTitle: string;
  authorName: string | null;
}

export interface AuditQuery extends PageQuery {
  action?: AuditAction;
  actorId?: string;
}
