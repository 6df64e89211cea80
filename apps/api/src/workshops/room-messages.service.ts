import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, WORKSHOP_LIMITS, type WorkshopMessageDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import { iso } from '../common/sql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomMessagesRepository } from './room-messages.repository';
import { RoomSendWriter } from './room-send-writer';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { removedError, summary } from './workshop-rules';
import { toMessageDto } from './workshop-rows';

/**
 * Messages in the live room: sending (the hot path), older pages, and the facilitators' delete
 * and pin. Everything authoritative lives in PostgreSQL, so it holds across instances and
 * restarts. Each change is params → policy → transaction → publish after commit.
 */
@Injectable()
export class RoomMessagesService {
  private readonly messageLimit: LimitSpec;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessService,
    private readonly rateLimits: RateLimitService,
    private readonly writer: RoomSendWriter,
    private readonly messages: RoomMessagesRepository,
    private readonly audit: WorkshopAuditRepository,
    private readonly publisher: WorkshopsPublisher,
  ) {
    this.messageLimit = {
      name: 'workshop-message',
      points: config.rateLimits.workshopMessages,
      durationSeconds: config.rateLimits.workshopWindowSeconds,
    };
  }

  /**
   * Posts a message for a user whose socket joined the room: one SQL statement when it succeeds,
   * shared with the other sends to the room that queued meanwhile (group commit). A retry with the
   * same clientId answers the stored message and is not broadcast again.
   */
  async send(user: AuthUser, workshopId: string, clientId: string, body: string): Promise<WorkshopMessageDto> {
    await this.rateLimits.consume(this.messageLimit, `${workshopId}:${user.id}`);
    const bodyHtml = renderMarkdown(body);
    return this.writer.queue(workshopId, { user, clientId, body, bodyHtml });
  }

  /** Older messages, the page just before `beforeSeq` (oldest first). */
  async historyBefore(
    user: AuthUser,
    workshopId: string,
    beforeSeq: number,
    limit: number,
  ): Promise<{ messages: WorkshopMessageDto[]; hasMoreBefore: boolean }> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const rows = await this.messages.page(workshopId, { beforeSeq }, limit + 1);
    const more = rows.length > limit;
    const page = (more ? rows.slice(0, limit) : rows).reverse();
    return { messages: page.map(toMessageDto), hasMoreBefore: more };
  }

  // --- facilitator actions: each in one transaction with its audit row, broadcast after commit ----

  async delete(user: AuthUser, workshopId: string, messageId: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const deleted = await this.dataSource.transaction(async (manager) => {
      const row = await this.messages.softDelete(manager, workshopId, messageId, user.id);
      if (!row) {
        if (!(await this.messages.exists(manager, workshopId, messageId))) throw AppError.notFound('Message');
        return null; // already deleted: nothing to do
      }
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'message.deleted',
        targetUserId: row.author_id,
        targetMessageId: row.id,
        detail: { seq: row.seq },
      });
      return row;
    });
    if (deleted) {
      this.publisher.toRoom(workshopId, 'message.deleted', {
        workshopId,
        id: deleted.id,
        seq: deleted.seq,
        deletedAt: iso(deleted.deleted_at),
        by: summary(user),
      });
    }
  }

  async pin(user: AuthUser, workshopId: string, messageId: string, pinned: boolean): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const message = await this.dataSource.transaction(async (manager) => {
      await this.messages.lockPins(manager, workshopId);
      const row = await this.messages.withPinnedCount(manager, workshopId, messageId);
      if (!row) throw AppError.notFound('Message');
      if (row.deleted_at) throw new AppError(ErrorCode.INVALID_STATE, 'A deleted message cannot be pinned.');
      if ((row.pinned_at !== null) === pinned) return null;
      if (pinned && row.pinned_count >= WORKSHOP_LIMITS.pinnedMax) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `At most ${WORKSHOP_LIMITS.pinnedMax} messages can be pinned; unpin one first.`,
        );
      }
      await this.messages.setPinned(manager, messageId, pinned, user.id);
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: pinned ? 'message.pinned' : 'message.unpinned',
        targetUserId: row.author_id,
        targetMessageId: row.id,
        detail: { seq: row.seq },
      });
      return { ...toMessageDto(row), pinned };
    });
    if (message)
      this.publisher.toRoom(workshopId, 'message.pinned', { workshopId, message, pinned, by: summary(user) });
  }
}
