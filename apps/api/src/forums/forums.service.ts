import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PAGE_SIZE_DEFAULT,
  THEMES,
  type ForumDto,
  type ForumSummaryDto,
  type MentionCandidateDto,
  type NotificationLevel,
  type Page,
  type PreviewDto,
  type ThreadDto,
  type ThreadSummaryDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type ForumAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { extractMentions, renderMarkdown } from '../common/markdown';
import { escapeLike } from '../common/sql';
import { NotificationsService } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import type { CreateThreadDto, ThreadListQueryDto } from './dto/forums.dto';
import {
  FORUM_SELECT,
  silencedError,
  silencedUntil,
  THREAD_SELECT,
  toForumSummary,
  toThreadSummary,
  type ForumRow,
  type ThreadRow,
} from './forum-rows';
import { PostsService } from './posts.service';

/** New threads per user and minute. */
export const THREAD_RATE_LIMIT: LimitSpec = { name: 'forum-thread', points: 5, durationSeconds: 60 };

export const MENTIONABLE_MAX = 10;

/** Forums, thread lists, threads, read positions and notification levels. */
@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly posts: PostsService,
    private readonly notifications: NotificationsService,
    private readonly publisher: NotificationsPublisher,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * Theme forums in the order of THEMES, then the partnership forums of the viewer's partnerships
   * (latest activity first), with counts and the viewer's unread threads. One query.
   */
  async list(user: AuthUser): Promise<ForumSummaryDto[]> {
    const rows: ForumRow[] = await this.dataSource.query(
      `${FORUM_SELECT}
        WHERE ${this.access.readableForumsSql('f', '$1', false)}
        ORDER BY (f.kind = 'partnership'), array_position($2::text[], f.theme::text),
                 s.last_posted_at DESC NULLS LAST, p.title, f.id`,
      [user.id, THEMES],
    );
    return rows.map(toForumSummary);
  }

  async forum(user: AuthUser, forumId: string): Promise<ForumDto> {
    const access = await this.access.requireForum(user, forumId);
    const [row]: ForumRow[] = await this.dataSource.query(`${FORUM_SELECT} WHERE f.id = $2`, [user.id, forumId]);
    const until = await silencedUntil(this.dataSource.manager, forumId, user.id);
    return {
      ...toForumSummary(row),
      viewer: {
        canPost: access.canPost && (until === null || access.canModerate),
        canModerate: access.canModerate,
        silencedUntil: until?.toISOString() ?? null,
      },
    };
  }

  /** Pinned first, then latest activity; keyset on (pinned, last_posted_at, id). Two queries. */
  async threads(user: AuthUser, forumId: string, query: ThreadListQueryDto): Promise<Page<ThreadSummaryDto>> {
    await this.access.requireForum(user, forumId);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [user.id, forumId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['t.forum_id = $2'];
    if (query.theme) where.push(`t.themes @> ARRAY[${p(query.theme)}]::text[]`);
    const after = decodeCursor<[number, string, string]>(query.cursor, 3);
    if (after) {
      where.push(
        `(t.pinned::int, t.last_posted_at, t.id) < (${p(after[0])}::int, ${p(after[1])}::timestamptz, ${p(after[2])}::uuid)`,
      );
    }
    const rows: ThreadRow[] = await this.dataSource.query(
      `${THREAD_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY t.pinned DESC, t.last_posted_at DESC, t.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toThreadSummary),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.pinned ? 1 : 0, last.last_posted_key, last.id]) : null,
    };
  }

  /** The thread with its forum and the viewer's rights. Four queries. */
  async thread(user: AuthUser, threadId: string): Promise<ThreadDto> {
    const [row]: ThreadRow[] = await this.dataSource.query(`${THREAD_SELECT} WHERE t.id = $2`, [user.id, threadId]);
    const access = row ? (await this.access.forums(user, [row.forum_id])).get(row.forum_id) : undefined;
    if (!row || !access?.canRead) throw AppError.notFound('Thread');
    return this.threadDto(user, row, access);
  }

  private async threadDto(user: AuthUser, row: ThreadRow, access: ForumAccess): Promise<ThreadDto> {
    const [forum]: ForumRow[] = await this.dataSource.query(`${FORUM_SELECT} WHERE f.id = $2`, [user.id, row.forum_id]);
    const until = access.canModerate ? null : await silencedUntil(this.dataSource.manager, row.forum_id, user.id);
    return {
      ...toThreadSummary(row),
      forum: toForumSummary(forum),
      lastReadSeq: Math.min(row.last_read_seq, row.last_seq),
      viewer: {
        canReply: access.canPost && until === null && (!row.locked || access.canModerate),
        canModerate: access.canModerate,
        silencedUntil: until?.toISOString() ?? null,
      },
    };
  }

  /** A thread and its first post (number 1) in one transaction; the author watches it. */
  async createThread(user: AuthUser, forumId: string, dto: CreateThreadDto): Promise<ThreadDto> {
    await this.rateLimits.consume(THREAD_RATE_LIMIT, user.id);
    const { threadId, postId, created } = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.requireForum(user, forumId, manager);
      if (!access.canPost) throw AppError.forbidden('This forum is read-only for you.');
      if (!access.canModerate) {
        const until = await silencedUntil(manager, forumId, user.id);
        if (until) throw silencedError(until);
      }
      const [thread]: { id: string }[] = await manager.query(
        `INSERT INTO threads (forum_id, author_id, title, themes, last_seq, post_count, last_posted_at, last_poster_id)
         VALUES ($1, $2, $3, $4, 1, 1, clock_timestamp(), $2) RETURNING id`,
        [forumId, user.id, dto.title, dto.themes ?? []],
      );
      const inserted = await this.posts.insertPost(manager, {
        thread: { id: thread.id, forumId, title: dto.title },
        seq: 1,
        author: user,
        body: dto.body,
        quotePostId: null,
        notifyWatchers: false,
      });
      return { threadId: thread.id, ...inserted };
    });
    await this.notifications.publish(created);
    this.publisher.threadChanged({ threadId, forumId, change: 'post.created', lastSeq: 1, postId });
    return this.thread(user, threadId);
  }

  /** Moves the viewer's read position forward only, never past the last post. */
  async markRead(user: AuthUser, threadId: string, lastReadSeq: number): Promise<void> {
    await this.posts.loadThread(user, threadId);
    await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
       SELECT $1, t.id, LEAST($3::int, t.last_seq) FROM threads t WHERE t.id = $2
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [user.id, threadId, lastReadSeq],
    );
  }

  async setNotificationLevel(user: AuthUser, threadId: string, level: NotificationLevel): Promise<void> {
    await this.posts.loadThread(user, threadId);
    await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
      [user.id, threadId, level],
    );
  }

  /**
   * Up to ten people who can read the thread whose handle or display name starts with `q`:
   * everyone in theme forums; members and admins in partnership forums. The viewer is left out.
   */
  async mentionable(user: AuthUser, threadId: string, q: string | undefined): Promise<MentionCandidateDto[]> {
    const { thread } = await this.posts.loadThread(user, threadId);
    const prefix = `${escapeLike((q ?? '').replace(/^@/, ''))}%`;
    const rows: { id: string; display_name: string; handle: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.handle
         FROM users u, forums f
        WHERE f.id = $1 AND u.id <> $2
          AND (u.handle ILIKE $3 OR u.display_name ILIKE $3)
          AND (u.role = 'admin' OR ${this.access.readableForumsSql('f', 'u.id', false)})
        ORDER BY (u.handle ILIKE $3) DESC, u.handle
        LIMIT ${MENTIONABLE_MAX}`,
      [thread.forum_id, user.id, prefix],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, handle: r.handle }));
  }

  /** Renders as a post would be, without saving; lists the mentioned handles that belong to someone. */
  async preview(body: string, manager: EntityManager = this.dataSource.manager): Promise<PreviewDto> {
    const users = await this.posts.resolveMentions(manager, extractMentions(body));
    const known = new Set(users.map((u) => u.handle));
    return { html: renderMarkdown(body, { mentions: known }), mentions: [...known].sort() };
  }
}
