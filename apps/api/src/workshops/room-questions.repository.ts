import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QuestionStatus, RaisedHandDto, WorkshopQuestionDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { exactTime, iso } from '../common/sql';
import type { TranscriptQuestion } from './workshop-transcript';
import { QUESTION_COLUMNS, toQuestionDto, type QuestionRow } from './workshop-rows';

interface HandRow {
  user_id: string;
  display_name: string;
  handle: string;
  raised_at: Date;
}

const toHand = (row: HandRow): RaisedHandDto => ({
  user: { id: row.user_id, displayName: row.display_name, handle: row.handle },
  raisedAt: iso(row.raised_at),
});

/** A transcript question with its keyset position. */
export type TranscriptQuestionRow = TranscriptQuestion & { key: string; id: string };

// UPDATE and DELETE … RETURNING are wrapped in `WITH … SELECT` below: through TypeORM the driver
// answers a bare UPDATE or DELETE with [rows, rowCount], a SELECT with its rows.

/** Questions, their votes and the queue of raised hands of workshop rooms. */
@Injectable()
export class RoomQuestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open and answered questions, most votes first, and which of them `userId` upvoted. */
  async listed(workshopId: string, userId: string): Promise<{ questions: WorkshopQuestionDto[]; myVotes: string[] }> {
    const rows: (QuestionRow & { voted: boolean })[] = await this.dataSource.query(
      `SELECT ${QUESTION_COLUMNS},
              EXISTS (SELECT 1 FROM workshop_question_votes v WHERE v.question_id = q.id AND v.user_id = $2) AS voted
         FROM workshop_questions q JOIN users u ON u.id = q.author_id
        WHERE q.workshop_id = $1 AND q.status IN ('open', 'answered')
        ORDER BY q.votes DESC, q.created_at, q.id`,
      [workshopId, userId],
    );
    return { questions: rows.map(toQuestionDto), myVotes: rows.filter((q) => q.voted).map((q) => q.id) };
  }

  /** Asks a question if the room is live and (unless `mayWriteLocked`) not locked; null otherwise. */
  async ask(
    workshopId: string,
    authorId: string,
    body: string,
    bodyHtml: string,
    mayWriteLocked: boolean,
  ): Promise<WorkshopQuestionDto | null> {
    const [row]: QuestionRow[] = await this.dataSource.query(
      `WITH q AS (
         INSERT INTO workshop_questions (workshop_id, author_id, body, body_html)
         SELECT w.id, $2, $3, $4 FROM workshops w
          WHERE w.id = $1 AND w.status = 'live' AND ($5::boolean OR NOT w.locked)
         RETURNING *)
       SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`,
      [workshopId, authorId, body, bodyHtml, mayWriteLocked],
    );
    return row ? toQuestionDto(row) : null;
  }

  /** Locks the question for a change; undefined when the room has no such question. */
  async lockStatus(
    manager: EntityManager,
    workshopId: string,
    questionId: string,
  ): Promise<QuestionStatus | undefined> {
    const [row]: { status: QuestionStatus }[] = await manager.query(
      `SELECT status FROM workshop_questions WHERE id = $1 AND workshop_id = $2 FOR UPDATE`,
      [questionId, workshopId],
    );
    return row?.status;
  }

  /** Adds or withdraws the user's upvote; whether it changed anything. */
  async setVote(manager: EntityManager, questionId: string, userId: string, vote: boolean): Promise<boolean> {
    const moved: unknown[] = await manager.query(
      vote
        ? `INSERT INTO workshop_question_votes (question_id, user_id) VALUES ($1, $2)
           ON CONFLICT (question_id, user_id) DO NOTHING RETURNING question_id`
        : `WITH d AS (DELETE FROM workshop_question_votes WHERE question_id = $1 AND user_id = $2 RETURNING question_id)
           SELECT question_id FROM d`,
      [questionId, userId],
    );
    return moved.length > 0;
  }

  /** The question, its counter first moved by `delta` votes (0: just read it). */
  async countVote(manager: EntityManager, questionId: string, delta: -1 | 0 | 1): Promise<WorkshopQuestionDto> {
    const [row]: QuestionRow[] = await manager.query(
      delta !== 0
        ? `WITH q AS (UPDATE workshop_questions SET votes = votes ${delta > 0 ? '+' : '-'} 1 WHERE id = $1 RETURNING *)
           SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`
        : `SELECT ${QUESTION_COLUMNS} FROM workshop_questions q JOIN users u ON u.id = q.author_id WHERE q.id = $1`,
      [questionId],
    );
    return toQuestionDto(row);
  }

  /** Sets the status; answering stamps answered_at once. */
  async setStatus(manager: EntityManager, questionId: string, status: QuestionStatus): Promise<WorkshopQuestionDto> {
    const [row]: QuestionRow[] = await manager.query(
      `WITH q AS (
         UPDATE workshop_questions
            SET status = $2::varchar, answered_at = CASE WHEN $2::varchar = 'answered' THEN coalesce(answered_at, clock_timestamp()) END
          WHERE id = $1 RETURNING *)
       SELECT ${QUESTION_COLUMNS} FROM q JOIN users u ON u.id = q.author_id`,
      [questionId, status],
    );
    return toQuestionDto(row);
  }

  /** The transcript's questions after the keyset position `after`, `limit` at a time. */
  transcriptPage(workshopId: string, after: [string, string] | null, limit: number): Promise<TranscriptQuestionRow[]> {
    return this.dataSource.query(
      `SELECT q.id, u.display_name AS author_name, u.handle AS author_handle, q.body, q.votes, q.status,
              q.created_at, q.answered_at, ${exactTime('q.created_at')} AS key
         FROM workshop_questions q JOIN users u ON u.id = q.author_id
        WHERE q.workshop_id = $1 ${after ? 'AND (q.created_at, q.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY q.created_at, q.id LIMIT $2`,
      after ? [workshopId, limit, after[0], after[1]] : [workshopId, limit],
    );
  }

  // --- hands ------------------------------------------------------------------------------------

  /** The queue, longest raised first. */
  async hands(workshopId: string): Promise<RaisedHandDto[]> {
    const rows: HandRow[] = await this.dataSource.query(
      `SELECT h.user_id, u.display_name, u.handle, h.raised_at
         FROM workshop_hands h JOIN users u ON u.id = h.user_id
        WHERE h.workshop_id = $1
        ORDER BY h.raised_at, h.user_id`,
      [workshopId],
    );
    return rows.map(toHand);
  }

  /** Whether the hand went up now (false: it already was). */
  async raise(workshopId: string, userId: string): Promise<boolean> {
    const raised: unknown[] = await this.dataSource.query(
      `INSERT INTO workshop_hands (workshop_id, user_id) VALUES ($1, $2)
       ON CONFLICT (workshop_id, user_id) DO NOTHING RETURNING user_id`,
      [workshopId, userId],
    );
    return raised.length > 0;
  }

  /** Whether a raised hand came down. */
  async lower(workshopId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const lowered: unknown[] = await manager.query(
      `WITH d AS (DELETE FROM workshop_hands WHERE workshop_id = $1 AND user_id = $2 RETURNING user_id) SELECT user_id FROM d`,
      [workshopId, userId],
    );
    return lowered.length > 0;
  }

  /** Takes the longest-raised hand off the queue (two callers at once get two different hands). */
  async popNext(manager: EntityManager, workshopId: string): Promise<RaisedHandDto | null> {
    const [row]: HandRow[] = await manager.query(
      `WITH next AS (
         SELECT workshop_id, user_id FROM workshop_hands WHERE workshop_id = $1
          ORDER BY raised_at, user_id LIMIT 1 FOR UPDATE SKIP LOCKED
       ), popped AS (
         DELETE FROM workshop_hands h USING next
          WHERE h.workshop_id = next.workshop_id AND h.user_id = next.user_id
      RETURNING h.user_id, h.raised_at)
       SELECT p.user_id, u.display_name, u.handle, p.raised_at FROM popped p JOIN users u ON u.id = p.user_id`,
      [workshopId],
    );
    return row ? toHand(row) : null;
  }
}
