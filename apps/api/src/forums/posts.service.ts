import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type NotificationLevel,
  type PostLanguage,
  type PostDto,
  type PostPage,
  type PostRevisionDto,
  type UserSummary,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type ForumAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { extractMentions, plainExcerpt, renderMarkdown } from '../common/markdown';
import { recordPostAudit } from '../common/moderation-audit';
import { NotificationsService, type CreatedNotifications, type NewNotification } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import type { CreatePostDto, PostListQueryDto } from './dto/forums.dto';
import { toPostDto, toRevisionDto, type PostRef, type PostViewer, type ThreadRef } from './forum-rows';
import { readOnlyError, silencedError } from './forums.errors';
import { ForumsRepository } from './forums.repository';
import { PostsRepository } from './posts.repository';
import { ThreadsRepository } from './threads.repository';

/** Replies per user and minute (thread openings count separately). */
export const POST_RATE_LIMIT: LimitSpec = { name: 'forum-post', points: 10, durationSeconds: 60 };

/** A post to insert: the thread's numbering was already advanced under its row lock. */
export interface NewPost {
  thread: { id: string; forumId: string; title: string };
  seq: number;
  author: AuthUser;
  body: string;
  /** The language it is written in; the author's interface language when left out. */
  language?: PostLanguage;
  quotePostId: string | null;
  /** Notify the thread's watchers (replies); a thread's first post has none but its author. */
  notifyWatchers: boolean;
}

const EXCERPT_LENGTH = 140;
/** Mentions resolved per post. */
const MENTIONS_MAX = 50;

/** Posts: reading pages, replying, editing with history, tombstones; notifications and realtime after commit. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly forumsRepository: ForumsRepository,
    private readonly threadsRepository: ThreadsRepository,
    private readonly postsRepository: PostsRepository,
    private readonly notifications: NotificationsService,
    private readonly publisher: NotificationsPublisher,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** The thread and what the user may do in its forum; 404 when they may not read it. Two queries. */
  async loadThread(
    user: AuthUser,
    threadId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ thread: ThreadRef; access: ForumAccess }> {
    const thread = await this.threadsRepository.ref(threadId, manager, lock);
    const access = thread ? (await this.access.forums(user, [thread.forum_id], manager)).get(thread.forum_id) : null;
    if (!thread || !access?.canRead) throw AppError.notFound('Thread');
    return { thread, access };
  }

  /** The post, its thread and the user's rights in the forum; 404 when they may not read it. Two queries. */
  async loadPost(
    user: AuthUser,
    postId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<{ post: PostRef; access: ForumAccess }> {
    const post = await this.postsRepository.ref(postId, manager, lock);
    const access = post ? (await this.access.forums(user, [post.forum_id], manager)).get(post.forum_id) : null;
    if (!post || !access?.canRead) throw AppError.notFound('Post');
    return { post, access };
  }

  /** What the viewer may do with posts in the forum (one query for the silence). */
  async viewer(user: AuthUser, access: ForumAccess, manager: EntityManager = this.dataSource.manager) {
    const until =
      access.canPost && !access.canModerate
        ? await this.forumsRepository.silencedUntil(access.forumId, user.id, manager)
        : null;
    const viewer: PostViewer = {
      userId: user.id,
      canModerate: access.canModerate,
      canWrite: access.canPost && until === null,
    };
    return { viewer, silencedUntil: until };
  }

  /**
   * A page of posts by number: after `afterSeq` (default: from the start), or before `beforeSeq`
   * (the page just before it). Four queries whatever the page size.
   */
  async page(user: AuthUser, threadId: string, query: PostListQueryDto): Promise<PostPage> {
    const { thread, access } = await this.loadThread(user, threadId);
    const { viewer } = await this.viewer(user, access);
    const rows = await this.postsRepository.page(user.id, threadId, {
      afterSeq: query.afterSeq,
      beforeSeq: query.beforeSeq,
      limit: query.limit ?? PAGE_SIZE_DEFAULT,
    });
    const first = rows[0];
    const last = rows[rows.length - 1];
    // Posts are numbered 1..last_seq without gaps (replies take the next number under the thread's lock).
    return {
      items: rows.map((row) => toPostDto(row, viewer)),
      nextAfterSeq: last && last.seq < thread.last_seq ? last.seq : null,
      prevBeforeSeq: first && first.seq > 1 ? first.seq : null,
    };
  }

  async post(user: AuthUser, postId: string): Promise<PostDto> {
    const { access } = await this.loadPost(user, postId);
    const { viewer } = await this.viewer(user, access);
    return this.postFor(viewer, postId);
  }

  /** One post as the viewer sees it (one query). */
  async postFor(viewer: PostViewer, postId: string): Promise<PostDto> {
    const row = await this.postsRepository.one(viewer.userId, postId);
    if (!row) throw AppError.notFound('Post');
    return toPostDto(row, viewer);
  }

  /** A reply. Its number is the thread's next one, taken under the thread's row lock. */
  async create(user: AuthUser, threadId: string, dto: CreatePostDto): Promise<PostDto> {
    await this.rateLimits.consume(POST_RATE_LIMIT, user.id);
    const { post, forumId, lastSeq, viewer, created } = await this.dataSource.transaction(async (manager) => {
      const { thread, access } = await this.loadThread(user, threadId, manager);
      if (!access.canPost) throw readOnlyError();
      const { viewer, silencedUntil: until } = await this.viewer(user, access, manager);
      if (until) throw silencedError(until);
      if (dto.quotePostId && !(await this.postsRepository.existsInThread(manager, dto.quotePostId, threadId))) {
        throw AppError.field('quotePostId', 'quoteNotInThread');
      }
      const numbered = await this.threadsRepository.takeNextSeq(manager, threadId, user.id);
      if (numbered.locked && !access.canModerate) {
        throw new AppError(ErrorCode.THREAD_LOCKED, 'This thread is locked; only moderators can reply.');
      }
      const inserted = await this.insertPost(manager, {
        thread: { id: thread.id, forumId: thread.forum_id, title: thread.title },
        seq: numbered.last_seq,
        author: user,
        body: dto.body,
        language: dto.language,
        quotePostId: dto.quotePostId ?? null,
        notifyWatchers: true,
      });
      return { post: inserted.postId, forumId: thread.forum_id, lastSeq: numbered.last_seq, viewer, ...inserted };
    });
    await this.notifications.publish(created);
    this.publisher.threadChanged({ threadId, forumId, change: 'post.created', lastSeq, postId: post });
    return this.postFor(viewer, post);
  }

  /**
   * Inserts a post, moves its author's read position to it (watching the thread unless they muted
   * it) and creates the mention and reply notifications, inside the caller's transaction.
   */
  async insertPost(manager: EntityManager, input: NewPost): Promise<{ postId: string; created: CreatedNotifications }> {
    const mentioned = await this.resolveMentions(manager, extractMentions(input.body));
    const bodyHtml = renderMarkdown(input.body, { mentions: new Set(mentioned.map((u) => u.handle)) });
    const postId = await this.postsRepository.insert(manager, {
      threadId: input.thread.id,
      seq: input.seq,
      authorId: input.author.id,
      body: input.body,
      bodyHtml,
      language: input.language,
      quotePostId: input.quotePostId,
    });
    await this.threadsRepository.readOwnPost(manager, input.author.id, input.thread.id, input.seq);
    const created = await this.notifyPost(manager, {
      ...input,
      postId,
      mentionedUserIds: mentioned.map((u) => u.id),
    });
    return { postId, created };
  }

  /**
   * Mentioned readers who did not mute the thread get 'forum.mention'; watchers who can (still)
   * read it get 'forum.reply' unless they were mentioned. Never the author.
   */
  private async notifyPost(
    manager: EntityManager,
    input: Omit<NewPost, 'quotePostId'> & { postId: string; mentionedUserIds: string[] },
  ): Promise<CreatedNotifications> {
    const authorId = input.author.id;
    const mentionIds = input.mentionedUserIds.filter((id) => id !== authorId);
    if (mentionIds.length === 0 && !input.notifyWatchers) return { items: [] };
    const states: { user_id: string; level: NotificationLevel }[] = await this.threadsRepository.levels(
      manager,
      input.thread.id,
      authorId,
      input.notifyWatchers,
      mentionIds,
    );
    const levels = new Map(states.map((s) => [s.user_id, s.level]));
    const watchers = input.notifyWatchers ? states.filter((s) => s.level === 'watching').map((s) => s.user_id) : [];
    const readers = await this.access.usersWhoCanRead(
      input.thread.forumId,
      [...new Set([...mentionIds, ...watchers])],
      manager,
    );
    const mentionTo = mentionIds.filter((id) => readers.has(id) && levels.get(id) !== 'muted');
    const mentionSet = new Set(mentionIds);
    const replyTo = watchers.filter((id) => readers.has(id) && !mentionSet.has(id));
    const actor: UserSummary = { id: authorId, displayName: input.author.displayName };
    const payload = {
      actor,
      thread: { id: input.thread.id, title: input.thread.title, forumId: input.thread.forumId },
      postId: input.postId,
      seq: input.seq,
      // the post's own words: a quoted passage would tell the reader what they already know
      excerpt: plainExcerpt(input.body, EXCERPT_LENGTH, { skipQuotes: true }),
    };
    const items: NewNotification[] = [
      ...mentionTo.map((userId): NewNotification => ({ userId, kind: 'forum.mention', payload })),
      ...replyTo.map((userId): NewNotification => ({ userId, kind: 'forum.reply', payload })),
    ];
    return this.notifications.create(manager, items, authorId);
  }

  /** Users with the given (lower-case) handles. */
  async resolveMentions(
    manager: EntityManager,
    handles: string[],
  ): Promise<{ id: string; handle: string; display_name: string }[]> {
    if (handles.length === 0) return [];
    return this.postsRepository.usersByHandles(manager, handles.slice(0, MENTIONS_MAX));
  }

  /** Author (while they may write in the forum) or moderator; keeps the previous body as a revision. */
  async edit(user: AuthUser, postId: string, body: string): Promise<PostDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.loadPost(user, postId, manager, true);
      const { viewer, silencedUntil: until } = await this.requireChange(user, post, access, manager, 'edit');
      if (until) throw silencedError(until);
      if (post.body === body) return { viewer, post, changed: false, created: { items: [] } };
      await this.postsRepository.addRevision(manager, post, user.id);
      const mentioned = await this.resolveMentions(manager, extractMentions(body));
      const bodyHtml = renderMarkdown(body, { mentions: new Set(mentioned.map((u) => u.handle)) });
      await this.postsRepository.updateBody(manager, post.id, body, bodyHtml);
      // Only people newly mentioned by the edit hear of it.
      const before = new Set(extractMentions(post.body));
      const created = await this.notifyPost(manager, {
        thread: { id: post.thread_id, forumId: post.forum_id, title: post.thread_title },
        seq: post.seq,
        author: user,
        body,
        notifyWatchers: false,
        postId: post.id,
        mentionedUserIds: mentioned.filter((u) => !before.has(u.handle) && u.id !== user.id).map((u) => u.id),
      });
      return { viewer, post, changed: true, created };
    });
    if (result.changed) {
      await this.notifications.publish(result.created);
      this.publishUpdated(result.post);
    }
    return this.postFor(result.viewer, postId);
  }

  /** Tombstone: the body stays in the database for moderators; a moderator's deletion is audited. */
  async remove(user: AuthUser, postId: string): Promise<PostDto> {
    const { viewer, post } = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.loadPost(user, postId, manager, true);
      const { viewer, silencedUntil: until } = await this.requireChange(user, post, access, manager, 'delete');
      if (until) throw silencedError(until);
      await this.postsRepository.markDeleted(manager, post.id, user.id);
      if (post.author_id !== user.id) {
        await recordPostAudit(manager, { actorId: user.id, action: 'post.delete', post });
      }
      return { viewer, post };
    });
    this.publishUpdated(post);
    return this.postFor(viewer, postId);
  }

  /** Earlier versions, oldest first: each holds the body an edit replaced, who made that edit and when. */
  async revisions(user: AuthUser, postId: string): Promise<PostRevisionDto[]> {
    const { post, access } = await this.loadPost(user, postId);
    if (post.author_id !== user.id && !access.canModerate) {
      throw AppError.forbidden('Only the author and moderators can see earlier versions.');
    }
    // A deleted post's text reaches moderators only, its history included.
    if (post.deleted_at !== null && !access.canModerate) return [];
    const rows = await this.postsRepository.revisions(postId);
    return rows.map(toRevisionDto);
  }

  /** Edit and delete: deleted posts are final; the author needs to be able to write in the forum, or a moderator. */
  private async requireChange(
    user: AuthUser,
    post: PostRef,
    access: ForumAccess,
    manager: EntityManager,
    what: 'edit' | 'delete',
  ) {
    if (post.deleted_at !== null) {
      throw new AppError(
        ErrorCode.INVALID_STATE,
        `This post was deleted; it cannot be ${what === 'edit' ? 'edited' : 'deleted again'}.`,
      );
    }
    if (post.author_id !== user.id && !access.canModerate) {
      throw AppError.forbidden(`Only the author or a moderator can ${what} this post.`);
    }
    if (!access.canModerate && !access.canPost) throw readOnlyError();
    return this.viewer(user, access, manager);
  }

  /** Tells the thread's readers that a post changed (after commit). */
  publishUpdated(post: PostRef): void {
    this.publisher.threadChanged({
      threadId: post.thread_id,
      forumId: post.forum_id,
      change: 'post.updated',
      lastSeq: post.last_seq,
      postId: post.id,
    });
  }
}
