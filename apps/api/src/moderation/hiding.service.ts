import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type PostDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { recordPostAudit } from '../common/moderation-audit';
import { PostsRepository, PostsService, type PostRef } from '../forums';

/** Moderators hide posts (the text stays, for moderators) and restore them; each action is audited. */
@Injectable()
export class HidingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly posts: PostsService,
    private readonly postsRepository: PostsRepository,
  ) {}

  async hide(user: AuthUser, postId: string, reason: string): Promise<PostDto> {
    const post = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.posts.loadPost(user, postId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can hide posts.');
      if (post.deleted_at !== null) throw new AppError(ErrorCode.INVALID_STATE, 'This post was deleted.');
      if (post.hidden_at !== null) throw new AppError(ErrorCode.INVALID_STATE, 'This post is already hidden.');
      await this.hideLocked(manager, user, post, reason);
      return post;
    });
    this.posts.publishUpdated(post);
    return this.posts.post(user, postId);
  }

  async restore(user: AuthUser, postId: string, reason: string): Promise<PostDto> {
    const post = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.posts.loadPost(user, postId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can restore posts.');
      if (post.hidden_at === null) throw new AppError(ErrorCode.INVALID_STATE, 'This post is not hidden.');
      await this.postsRepository.unhide(manager, post.id);
      await recordPostAudit(manager, { actorId: user.id, action: 'post.restore', post, reason });
      return post;
    });
    this.posts.publishUpdated(post);
    return this.posts.post(user, postId);
  }

  /**
   * Hides the post and writes its audit row, inside the caller's transaction, which holds the
   * post's row lock and has checked that the user moderates its forum. The caller publishes after commit.
   */
  async hideLocked(manager: EntityManager, user: AuthUser, post: PostRef, reason: string): Promise<void> {
    await this.postsRepository.hide(manager, post.id, user.id, reason);
    await recordPostAudit(manager, { actorId: user.id, action: 'post.hide', post, reason });
  }
}
