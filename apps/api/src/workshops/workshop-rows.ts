import type { QuestionStatus, WorkshopMessageDto, WorkshopQuestionDto } from '@twinning/contracts';
import { iso, isoOrNull } from '../common/sql';

/** Row SQL and mappers shared by the workshop services (REST and room). */

export interface MessageRow {
  id: string;
  workshop_id: string;
  seq: number;
  client_id: string;
  author_id: string;
  author_name: string;
  author_handle: string;
  body: string;
  body_html: string;
  created_at: Date;
  deleted_at: Date | null;
  pinned_at: Date | null;
}

/** Columns of `workshop_messages m JOIN users u ON u.id = m.author_id`. */
export const MESSAGE_COLUMNS = `m.id, m.workshop_id, m.seq, m.client_id, m.author_id, u.display_name AS author_name,
  u.handle AS author_handle, m.body, m.body_html, m.created_at, m.deleted_at, m.pinned_at`;

export const MESSAGE_FROM = `workshop_messages m JOIN users u ON u.id = m.author_id`;

/** A deleted message keeps its place (seq, author, time) but not its text: a tombstone. */
export function toMessageDto(row: MessageRow): WorkshopMessageDto {
  const deleted = row.deleted_at !== null;
  return {
    workshopId: row.workshop_id,
    seq: row.seq,
    id: row.id,
    clientId: row.client_id,
    author: { id: row.author_id, displayName: row.author_name, handle: row.author_handle },
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : row.body_html,
    createdAt: iso(row.created_at),
    deletedAt: isoOrNull(row.deleted_at),
    pinned: row.pinned_at !== null && !deleted,
  };
}

export interface QuestionRow {
  id: string;
  workshop_id: string;
  author_id: string;
  author_name: string;
  author_handle: string;
  body: string;
  body_html: string;
  votes: number;
  status: QuestionStatus;
  created_at: Date;
  answered_at: Date | null;
}

/** Columns of `workshop_questions q JOIN users u ON u.id = q.author_id`. */
export const QUESTION_COLUMNS = `q.id, q.workshop_id, q.author_id, u.display_name AS author_name, u.handle AS author_handle,
  q.body, q.body_html, q.votes, q.status, q.created_at, q.answered_at`;

export function toQuestionDto(row: QuestionRow): WorkshopQuestionDto {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    author: { id: row.author_id, displayName: row.author_name, handle: row.author_handle },
    body: row.body,
    bodyHtml: row.body_html,
    votes: row.votes,
    status: row.status,
    createdAt: iso(row.created_at),
    answeredAt: isoOrNull(row.answered_at),
  };
}
