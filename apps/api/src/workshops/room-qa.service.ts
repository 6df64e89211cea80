import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type QuestionStatus, type RaisedHandDto, type WorkshopQuestionDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService, type WorkshopAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomQuestionsRepository } from './room-questions.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { mutedError, notLive, removedError, summary } from './workshop-rules';
import { WorkshopsRepository } from './workshops.repository';

/** Questions per participant and workshop. */
export const QUESTION_RATE_LIMIT: LimitSpec = { name: 'workshop-question', points: 5, durationSeconds: 60 };

/**
 * Q&A and hands in the live room: asking and upvoting questions, raising and lowering hands, and
 * the facilitators' answer (question status) and "call next". Publishes after each change.
 */
@Injectable()
export class RoomQaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly rateLimits: RateLimitService,
    private readonly questions: RoomQuestionsRepository,
    private readonly workshops: WorkshopsRepository,
    private readonly audit: WorkshopAuditRepository,
    private readonly publisher: WorkshopsPublisher,
  ) {}

  async ask(user: AuthUser, workshopId: string, body: string): Promise<WorkshopQuestionDto> {
    const access = await this.participant(user, workshopId, { mayBeMuted: false });
    await this.rateLimits.consume(QUESTION_RATE_LIMIT, `${workshopId}:${user.id}`);
    const question = await this.questions.ask(workshopId, user.id, body, renderMarkdown(body), access.facilitator);
    if (!question) {
      const status = await this.workshops.status(workshopId);
      if (status && status !== 'live') throw notLive(status);
      throw new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked: questions are closed for now.');
    }
    this.publisher.toRoom(workshopId, 'question.created', question);
    return question;
  }

  /** Upvotes an open question once, or withdraws the upvote; the counter moves with the vote row. */
  async vote(user: AuthUser, workshopId: string, questionId: string, vote: boolean): Promise<WorkshopQuestionDto> {
    await this.participant(user, workshopId, { mayBeMuted: true });
    const { question, changed } = await this.dataSource.transaction(async (manager) => {
      const status = await this.questions.lockStatus(manager, workshopId, questionId);
      if (!status) throw AppError.notFound('Question');
      if (status !== 'open') throw new AppError(ErrorCode.INVALID_STATE, 'Only open questions take votes.');
      const moved = await this.questions.setVote(manager, questionId, user.id, vote);
      const question = await this.questions.countVote(manager, questionId, moved ? (vote ? 1 : -1) : 0);
      return { question, changed: moved };
    });
    if (changed) this.publisher.toRoom(workshopId, 'question.updated', question);
    return question;
  }

  /** Facilitators answer, dismiss or reopen a question. */
  async setStatus(
    user: AuthUser,
    workshopId: string,
    questionId: string,
    status: QuestionStatus,
  ): Promise<WorkshopQuestionDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { question, changed } = await this.dataSource.transaction(async (manager) => {
      const before = await this.questions.lockStatus(manager, workshopId, questionId);
      if (!before) throw AppError.notFound('Question');
      const question = await this.questions.setStatus(manager, questionId, status);
      const changed = before !== status;
      if (changed) {
        await this.audit.record(manager, {
          workshopId,
          actorId: user.id,
          action: 'question.status',
          targetUserId: question.author.id,
          detail: { questionId, status, before },
        });
      }
      return { question, changed };
    });
    if (changed) this.publisher.toRoom(workshopId, 'question.updated', question);
    return question;
  }

  // --- hands ------------------------------------------------------------------------------------

  /** A muted participant may not raise their hand (MUTED, as for messages and questions). */
  async raiseHand(user: AuthUser, workshopId: string): Promise<RaisedHandDto[]> {
    await this.participant(user, workshopId, { mayBeMuted: false });
    return this.publishHands(workshopId, await this.questions.raise(workshopId, user.id));
  }

  /**
   * Lowers your own hand (the gateway checked that your socket is in the room), or
   * (facilitators) anyone's.
   */
  async lowerHand(user: AuthUser, workshopId: string, target: string): Promise<RaisedHandDto[]> {
    if (target === user.id) {
      await this.participant(user, workshopId, { mayBeMuted: true, mayBeEnded: true });
    } else {
      await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    }
    return this.publishHands(workshopId, await this.questions.lower(workshopId, target));
  }

  /** Takes the longest-raised hand off the queue (two facilitators at once get two different hands). */
  async callNext(user: AuthUser, workshopId: string): Promise<RaisedHandDto | null> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const called = await this.dataSource.transaction(async (manager) => {
      const hand = await this.questions.popNext(manager, workshopId);
      if (!hand) return null;
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'hand.called',
        targetUserId: hand.user.id,
        detail: { raisedAt: hand.raisedAt },
      });
      return hand;
    });
    if (called) {
      this.publisher.toRoom(workshopId, 'hand.called', { workshopId, user: called.user, by: summary(user) });
      await this.publishHands(workshopId, true);
    }
    return called;
  }

  /** The queue as it is now, published to the room when it `changed`. */
  async publishHands(workshopId: string, changed: boolean): Promise<RaisedHandDto[]> {
    const hands = await this.questions.hands(workshopId);
    if (changed) this.publisher.toRoom(workshopId, 'hand.queue', { workshopId, hands });
    return hands;
  }

  /** A participant who may act in the live room: not removed, (optionally) not muted. */
  private async participant(
    user: AuthUser,
    workshopId: string,
    opts: { mayBeMuted: boolean; mayBeEnded?: boolean },
  ): Promise<WorkshopAccess> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    if (access.status !== 'live' && !opts.mayBeEnded) throw notLive(access.status);
    if (!opts.mayBeMuted && access.mutedUntil) {
      throw mutedError(Math.max(1, Math.ceil((access.mutedUntil.getTime() - Date.now()) / 1000)));
    }
    return access;
  }
}
