import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, ThreadDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { recordAudit } from '../common/moderation-audit';
import { ForumsService, PostsService, ThreadsRepository } from '../forums';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import type { ModerateThreadDto } from './dto/moderation.dto';

/** Moderators pin and lock threads. */
@Injectable()
export class ThreadModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
    private readonly posts: PostsService,
    private readonly threadsRepository: ThreadsRepository,
    private readonly publisher: NotificationsPublisher,
  ) {}

  /** Pin/unpin and lock/unlock; each change is its own audit entry. */
  async moderateThread(user: AuthUser, threadId: string, dto: ModerateThreadDto): Promise<ThreadDto> {
    if (dto.pinned === undefined && dto.locked === undefined) {
      throw AppError.fromIssues({
        pinned: [{ rule: 'pinnedOrLocked', params: { field: 'pinned' } }],
        locked: [{ rule: 'pinnedOrLocked', params: { field: 'locked' } }],
      });
    }
    const changed = await this.dataSource.transaction(async (manager) => {
      const { thread, access } = await this.posts.loadThread(user, threadId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can pin or lock threads.');
      const actions: AuditAction[] = [];
      if (dto.pinned !== undefined && dto.pinned !== thread.pinned) {
        actions.push(dto.pinned ? 'thread.pin' : 'thread.unpin');
      }
      if (dto.locked !== undefined && dto.locked !== thread.locked) {
        actions.push(dto.locked ? 'thread.lock' : 'thread.unlock');
      }
      if (actions.length === 0) return null;
      await this.threadsRepository.setModeration(manager, thread.id, {
        pinned: dto.pinned ?? null,
        locked: dto.locked ?? null,
      });
      for (const action of actions) {
        await recordAudit(manager, {
          actorId: user.id,
          action,
          targetType: 'thread',
          targetId: thread.id,
          targetLabel: thread.title,
          forumId: thread.forum_id,
          reason: dto.reason,
        });
      }
      return thread;
    });
    if (changed) {
      this.publisher.threadChanged({
        threadId: changed.id,
        forumId: changed.forum_id,
        change: 'thread.updated',
        lastSeq: changed.last_seq,
        postId: null,
      });
    }
    return this.forums.thread(user, threadId);
  }
}
