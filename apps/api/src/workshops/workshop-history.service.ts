import { Injectable, Logger } from '@nestjs/common';
import {
  PAGE_SIZE_DEFAULT,
  WORKSHOP_LIMITS,
  type Page,
  type WorkshopAuditEntryDto,
  type WorkshopMessagesPage,
} from '@twinning/contracts';
import { Readable } from 'node:stream';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import type { WorkshopMessagesQueryDto } from './dto/workshops.dto';
import { RoomMessagesRepository } from './room-messages.repository';
import { RoomQuestionsRepository } from './room-questions.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { removedError } from './workshop-rules';
import { toMessageDto } from './workshop-rows';
import {
  NO_MESSAGES,
  NO_QUESTIONS,
  QUESTIONS_HEADING,
  transcriptFileName,
  transcriptHeader,
  transcriptMessage,
  transcriptQuestion,
  type TranscriptMessage,
} from './workshop-transcript';
import { WorkshopsRepository } from './workshops.repository';

/** Rows the transcript reads per query while it streams. */
export const TRANSCRIPT_BATCH = 1000;

/**
 * What a room leaves behind, over REST: pages of its messages, the Markdown transcript, and the
 * facilitators' audit log. Readable also once the workshop ended.
 */
@Injectable()
export class WorkshopHistoryService {
  private readonly logger = new Logger(WorkshopHistoryService.name);

  constructor(
    private readonly access: AccessService,
    private readonly workshops: WorkshopsRepository,
    private readonly messages: RoomMessagesRepository,
    private readonly questions: RoomQuestionsRepository,
    private readonly audit: WorkshopAuditRepository,
  ) {}

  /**
   * A page of messages: after `afterSeq` (oldest first), before `beforeSeq`, or the latest ones.
   * Readable by everyone who can see the workshop, also once it ended; removed participants get REMOVED.
   */
  async messagesPage(
    user: AuthUser,
    workshopId: string,
    query: WorkshopMessagesQueryDto,
  ): Promise<WorkshopMessagesPage> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const limit = query.limit ?? WORKSHOP_LIMITS.historyPageDefault;
    const rows = await this.messages.page(
      workshopId,
      { afterSeq: query.afterSeq, beforeSeq: query.beforeSeq },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    if (query.afterSeq === undefined) page.reverse();
    return { messages: page.map(toMessageDto), hasMore: rows.length > limit };
  }

  /** The facilitators' log, newest first (facilitators only: 403 for participants, 404 for outsiders). */
  async auditPage(
    user: AuthUser,
    workshopId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<WorkshopAuditEntryDto>> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.audit.page(workshopId, decodeCursor<[string, string]>(query.cursor, 2), limit + 1);
    return keysetPage(
      rows,
      limit,
      (r) => r.entry,
      (r) => r.key,
    );
  }

  /**
   * The Markdown transcript: header, every message in order, then the Q&A. Access is checked
   * before anything is sent; the body then streams, reading TRANSCRIPT_BATCH rows per query, so a
   * room of any size is never held in memory at once.
   */
  async transcript(user: AuthUser, workshopId: string): Promise<{ fileName: string; stream: Readable }> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const header = await this.workshops.transcriptHeader(workshopId);
    if (!header) throw AppError.notFound('Workshop');
    const head = transcriptHeader(header);
    const { messages, questions } = this;
    async function* generate(): AsyncGenerator<string> {
      yield head;
      let previous: TranscriptMessage | null = null;
      for (let seq = 0; ;) {
        const rows = await messages.transcriptPage(workshopId, seq, TRANSCRIPT_BATCH);
        for (const row of rows) {
          yield transcriptMessage(row, previous);
          previous = row;
        }
        if (rows.length < TRANSCRIPT_BATCH) break;
        seq = rows[rows.length - 1].seq;
      }
      if (!previous) yield NO_MESSAGES;
      yield QUESTIONS_HEADING;
      let any = false;
      for (let after: [string, string] | null = null; ;) {
        const rows = await questions.transcriptPage(workshopId, after, TRANSCRIPT_BATCH);
        for (const row of rows) yield transcriptQuestion(row);
        any ||= rows.length > 0;
        if (rows.length < TRANSCRIPT_BATCH) break;
        const last = rows[rows.length - 1];
        after = [last.key, last.id];
      }
      if (!any) yield NO_QUESTIONS;
    }
    const stream = Readable.from(generate());
    stream.on('error', (err) => this.logger.error(`transcript of ${workshopId} failed: ${err.message}`));
    return { fileName: transcriptFileName(header.title), stream };
  }
}
