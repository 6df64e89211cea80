import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type WorkshopMessageDto } from '@twinning/contracts';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { isClientIdRetry, RoomMessagesRepository, SEND_BATCH_MAX } from './room-messages.repository';
import { RoomSendBatcher, type PendingSend } from './workshop-send-batcher';
import { mutedError, notLive, removedError } from './workshop-rules';
import { toMessageDto, type MessageRow } from './workshop-rows';

/** A validated, rendered message waiting for its room's next batch. */
export interface QueuedSend {
  user: AuthUser;
  clientId: string;
  body: string;
  bodyHtml: string;
}

/**
 * The write side of `message.send`: this instance's sends wait in the RoomSendBatcher (ordering
 * and batching only, never state), which hands each batch of a room straight to `write`. A lone
 * send takes the single statement; a batch goes in one statement, and whatever it did not accept
 * (retries, refusals, slow mode) then goes through the single statement one by one, which answers
 * each precisely. Each stored message is published as soon as its statement returns (the
 * statement is its own transaction), in seq order for the room.
 */
@Injectable()
export class RoomSendWriter {
  private readonly batcher: RoomSendBatcher<QueuedSend, WorkshopMessageDto>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly messages: RoomMessagesRepository,
    private readonly publisher: WorkshopsPublisher,
  ) {
    this.batcher = new RoomSendBatcher(
      (workshopId, batch) => this.write(workshopId, batch),
      SEND_BATCH_MAX,
      config.workshopWriteConcurrency,
    );
  }

  /** Queues a send for its room's next batch; settles with the stored message or why it was refused. */
  queue(workshopId: string, send: QueuedSend): Promise<WorkshopMessageDto> {
    return this.batcher.add(workshopId, send);
  }

  /**
   * Writes one batch of a room's sends (the batcher never runs two batches of a room at once, so
   * this instance broadcasts a room's messages in seq order).
   */
  private async write(workshopId: string, batch: PendingSend<QueuedSend, WorkshopMessageDto>[]): Promise<void> {
    let rest = batch;
    if (batch.length > 1) {
      let rows: MessageRow[] | null = null;
      try {
        rows = await this.messages.sendBatch(workshopId, {
          authorIds: batch.map((p) => p.input.user.id),
          clientIds: batch.map((p) => p.input.clientId),
          bodies: batch.map((p) => p.input.body),
          bodiesHtml: batch.map((p) => p.input.bodyHtml),
          admins: batch.map((p) => hasRole(p.input.user, 'admin')),
        });
      } catch (error) {
        // a clientId stored meanwhile through another instance: nothing was written, go one by one
        if (!isClientIdRetry(error)) throw error;
      }
      if (rows) {
        const accepted = new Map<string, WorkshopMessageDto>();
        for (const row of rows) {
          const message = toMessageDto(row);
          this.publisher.toRoom(workshopId, 'message.created', message);
          accepted.set(`${row.author_id} ${row.client_id}`, message);
        }
        rest = [];
        for (const pending of batch) {
          const key = `${pending.input.user.id} ${pending.input.clientId}`;
          const message = accepted.get(key);
          if (message) {
            accepted.delete(key); // a repeat later in the batch is a retry: the single path answers it
            pending.resolve(message);
          } else {
            rest.push(pending);
          }
        }
      }
    }
    for (const pending of rest) {
      const { user, clientId, body, bodyHtml } = pending.input;
      try {
        pending.resolve(await this.writeOne(user, workshopId, clientId, body, bodyHtml));
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  /** One send through the single statement; a retry answers the stored message. */
  private async writeOne(
    user: AuthUser,
    workshopId: string,
    clientId: string,
    body: string,
    bodyHtml: string,
  ): Promise<WorkshopMessageDto> {
    const isAdmin = hasRole(user, 'admin');
    for (let attempt = 0; ; attempt++) {
      let rows: MessageRow[];
      try {
        rows = await this.messages.sendOne(workshopId, user.id, clientId, body, bodyHtml, isAdmin);
      } catch (error) {
        if (!isClientIdRetry(error)) throw error;
        const existing = await this.messages.byClientId(workshopId, user.id, clientId);
        if (existing) return this.rebroadcast(existing);
        throw error;
      }
      if (rows[0]) {
        const message = toMessageDto(rows[0]);
        this.publisher.toRoom(workshopId, 'message.created', message);
        return message;
      }
      // Refused (or a retry of a message sent before the author was muted): say precisely why.
      const existing = await this.messages.byClientId(workshopId, user.id, clientId);
      if (existing) return this.rebroadcast(existing);
      const refusal = await this.refusal(workshopId, user.id, isAdmin);
      if (refusal) throw refusal;
      // The policy changed between the two statements (a mute ran out, slow mode ended): try again once.
      if (attempt > 0) throw new AppError(ErrorCode.CONFLICT, 'The message could not be sent; try again.');
    }
  }

  /**
   * A retry found its message already stored. The instance that stored it may have died before
   * broadcasting it, so it is broadcast again; clients keep one copy per seq.
   */
  private rebroadcast(message: WorkshopMessageDto): WorkshopMessageDto {
    this.publisher.toRoom(message.workshopId, 'message.created', message);
    return message;
  }

  /** Why the room refused the author's message now, or null when it would accept it. */
  private async refusal(workshopId: string, userId: string, isAdmin: boolean): Promise<AppError | null> {
    const row = await this.messages.sendRefusal(workshopId, userId, isAdmin);
    if (!row) return AppError.notFound('Workshop');
    if (row.status !== 'live') return notLive(row.status);
    if (row.facilitator) return null;
    if (row.removed) return removedError();
    if (row.locked) {
      return new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked: only facilitators can write for now.');
    }
    if (row.muted_seconds !== null && row.muted_seconds > 0) return mutedError(row.muted_seconds);
    if (row.slow_mode_seconds > 0 && row.slow_seconds !== null && row.slow_seconds > 0) {
      return new AppError(
        ErrorCode.SLOW_MODE,
        `Slow mode is on: wait ${row.slow_seconds} s before your next message.`,
        undefined,
        row.slow_seconds,
      );
    }
    return null;
  }
}
