import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PAGE_SIZE_DEFAULT,
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
import { NotificationsService } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import type { CreateThreadDto, ThreadListQueryDto } from './dto/forums.dto';
import { toForumSummary, toThreadSummary, type ThreadRow } from './forum-rows';
import { readOnlyError, silencedError } from './forums.errors';
import { ForumsRepository } from './forums.repository';
import { PostsService } from './posts.service';
import { ThreadsRepository } from './threads.repository';

/** New threads per user and minute. */
export const THREAD_RATE_LIMIT: LimitSpec = { name: 'forum-thread', points: 5, durationSeconds: 60 };

export const MENTIONABLE_MAX = 10;

/** Forums, thread lists, threads, read positions and notification levels. */
@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly forumsRepository: ForumsRepository,
    private readonly threadsRepository: ThreadsRepository,
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
    const rows = await this.forumsRepository.readable(user.id);
    return rows.map(toForumSummary);
  }

  async forum(user: AuthUser, forumId: string): Promise<ForumDto> {
    const access = await this.access.requireForum(user, forumId);
    const row = await this.forumsRepository.one(user.id, forumId);
    const until = await this.forumsRepository.silencedUntil(forumId, user.id);
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
    const rows = await this.threadsRepository.page(user.id, forumId, {
      theme: query.theme,
      after: decodeCursor<[number, string, string]>(query.cursor, 3),
      take: limit + 1,
    });
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
    const row = await this.threadsRepository.one(user.id, threadId);
    const access = row ? (await this.access.forums(user, [row.forum_id])).get(row.forum_id) : undefined;
    if (!row || !access?.canRead) throw AppError.notFound('Thread');
    return this.threadDto(user, row, access);
  }

  private async threadDto(user: AuthUser, row: ThreadRow, access: ForumAccess): Promise<ThreadDto> {
    const forum = await this.forumsRepository.one(user.id, row.forum_id);
    const until = access.canModerate ? null : await this.forumsRepository.silencedUntil(row.forum_id, user.id);
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
      if (!access.canPost) throw readOnlyError();
      if (!access.canModerate) {
        const until = await this.forumsRepository.silencedUntil(forumId, user.id, manager);
        if (until) throw silencedError(until);
      }
      const threadId = await this.threadsRepository.insert(manager, {
        forumId,
        authorId: user.id,
        title: dto.title,
        themes: dto.themes ?? [],
        language: dto.language,
      });
      const inserted = await this.posts.insertPost(manager, {
        thread: { id: threadId, forumId, title: dto.title },
        seq: 1,
        author: user,
        body: dto.body,
        language: dto.language,
        quotePostId: null,
        notifyWatchers: false,
      });
      return { threadId, ...inserted };
    });
    await this.notifications.publish(created);
    this.publisher.threadChanged({ threadId, forumId, change: 'post.created', lastSeq: 1, postId });
    return this.thread(user, threadId);
  }

  /** Moves the viewer's read position forward only, never past the last post. */
  async markRead(user: AuthUser, threadId: string, lastReadSeq: number): Promise<void> {
    await this.posts.loadThread(user, threadId);
    await this.threadsRepository.markRead(user.id, threadId, lastReadSeq);
  }

  async setNotificationLevel(user: AuthUser, threadId: string, level: NotificationLevel): Promise<void> {
    await this.posts.loadThread(user, threadId);
    await this.threadsRepository.setLevel(user.id, threadId, level);
  }

  /**
   * Up to ten people who can read the thread whose handle or display name starts with `q`:
   * everyone in theme forums; members and admins in partnership forums. The viewer is left out.
   */
  async mentionable(user: AuthUser, threadId: string, q: string | undefined): Promise<MentionCandidateDto[]> {
    const { thread } = await this.posts.loadThread(user, threadId);
    const prefix = (q ?? '').replace(/^@/, '');
    const rows = await this.forumsRepository.mentionCandidates(thread.forum_id, user.id, prefix, MENTIONABLE_MAX);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, handle: r.handle }));
  }

  /** Renders as a post would be, without saving; lists the mentioned handles that belong to someone. */
  async preview(body: string, manager: EntityManager = this.dataSource.manager): Promise<PreviewDto> {
    const users = await this.posts.resolveMentions(manager, extractMentions(body));
    const known = new Set(users.map((u) => u.handle));
    return { html: renderMarkdown(body, { mentions: known }), mentions: [...known].sort() };
  }
}
