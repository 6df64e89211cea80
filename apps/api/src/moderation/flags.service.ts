import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PAGE_SIZE_DEFAULT, type FlagDto, type Page } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { flaggedReason, flagLabel, recordAudit } from '../common/moderation-audit';
import { ForumsRepository, PostsService, type PostRef } from '../forums';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { HidingService } from './hiding.service';
import type { FlagPostDto, FlagQueueQueryDto, ResolveFlagDto } from './dto/moderation.dto';
import { FlagsRepository } from './flags.repository';

/** Flags a user may raise: enough for a bad day in a busy forum, not for flooding the queue. */
export const FLAG_RATE_LIMIT: LimitSpec = { name: 'flag', points: 20, durationSeconds: 3600 };

/** Flagging posts, the moderators' queue, and resolving flags (upholding hides the post). */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly forumsRepository: ForumsRepository,
    private readonly posts: PostsService,
    private readonly flags: FlagsRepository,
    private readonly hiding: HidingService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Any reader may flag someone else's visible post, once while their flag is open. */
  async flag(user: AuthUser, postId: string, dto: FlagPostDto): Promise<void> {
    const { post } = await this.posts.loadPost(user, postId);
    if (post.author_id === user.id) throw AppError.forbidden('You cannot flag your own post.');
    await this.rateLimits.consume(FLAG_RATE_LIMIT, user.id);
    if (post.deleted_at !== null || post.hidden_at !== null) {
      throw new AppError(ErrorCode.INVALID_STATE, 'This post was already removed.');
    }
    const inserted = await this.flags.insertOpen({
      postId,
      reporterId: user.id,
      reason: dto.reason,
      note: dto.note ?? '',
    });
    if (!inserted) throw new AppError(ErrorCode.CONFLICT, 'You already flagged this post.');
  }

  /** Admins: every flag; coordinators: flags in the forums they moderate; others: 403. Oldest open first. */
  async queue(user: AuthUser, query: FlagQueueQueryDto): Promise<Page<FlagDto>> {
    const status = query.status ?? 'open';
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    let forumIds: string[] | undefined;
    if (!hasRole(user, 'admin')) {
      forumIds = await this.moderatedForumIds(user);
      if (forumIds.length === 0) throw AppError.forbidden('Only moderators can see flags.');
    }
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const page = await this.flags.page({ status, forumIds, after, take: limit + 1 });
    const items = page.items.slice(0, limit);
    const last = page.keys[items.length - 1];
    return {
      items,
      nextCursor: page.items.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /** Partnership forums the user moderates, decided by the access rules. Two queries. */
  private async moderatedForumIds(user: AuthUser): Promise<string[]> {
    const candidates = await this.forumsRepository.readablePartnershipForumIds(user.id);
    const access = await this.access.forums(user, candidates);
    return [...access.values()].filter((a) => a.canModerate).map((a) => a.forumId);
  }

  /** uphold hides the post and resolves all its open flags as upheld; dismiss resolves this flag. */
  async resolve(user: AuthUser, flagId: string, dto: ResolveFlagDto): Promise<FlagDto> {
    const hidden = await this.dataSource.transaction(async (manager): Promise<PostRef | null> => {
      const postId = await this.flags.postIdOf(manager, flagId);
      if (!postId) throw AppError.notFound('Flag');
      // Lock order everywhere: the post, then its flags (hiding, editing and resolving never deadlock).
      const { post, access } = await this.posts.loadPost(user, postId, manager, true).catch((err: unknown) => {
        throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? AppError.notFound('Flag') : err;
      });
      const flag = await this.flags.lock(manager, flagId);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can resolve flags.');
      if (flag.status !== 'open') throw new AppError(ErrorCode.INVALID_STATE, 'This flag was already resolved.');
      const label = flagLabel(flag.reason, {
        seq: post.seq,
        threadTitle: post.thread_title,
        authorName: post.author_name,
      });
      const reason = dto.reason ?? '';
      const audit = {
        actorId: user.id,
        targetType: 'flag',
        targetId: flag.id,
        targetLabel: label,
        forumId: post.forum_id,
        reason,
      } as const;
      if (dto.decision === 'dismiss') {
        await this.flags.dismiss(manager, flag.id, user.id);
        await recordAudit(manager, { ...audit, action: 'flag.dismiss' });
        return null;
      }
      await this.flags.upholdOpen(manager, post.id, user.id);
      await recordAudit(manager, { ...audit, action: 'flag.uphold' });
      if (post.hidden_at !== null) return null;
      await this.hiding.hideLocked(manager, user, post, reason || flaggedReason(flag.reason));
      return post;
    });
    if (hidden) this.posts.publishUpdated(hidden);
    return this.flags.one(flagId);
  }
}
