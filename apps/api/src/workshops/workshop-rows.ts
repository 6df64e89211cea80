import {
  meetingFor,
  type MeetingContext,
  type QuestionStatus,
  type Theme,
  type WorkshopDto,
  type WorkshopLanguage,
  type WorkshopMessageDto,
  type WorkshopQuestionDto,
  type WorkshopScope,
  type WorkshopStatus,
  type WorkshopSummaryDto,
} from '@twinning/contracts';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { iso, isoOrNull } from '../common/sql';

/** Row types, SQL column lists and row → DTO mappers shared by the workshop repositories. */

export interface MessageRow {
  id: string;
  workshop_id: string;
  seq: number;
  client_id: string;
  author_id: string;
  author_name: string;
  author_handle: string;
  author: PersonJson;
  body: string;
  body_html: string;
  created_at: Date;
  deleted_at: Date | null;
  pinned_at: Date | null;
}

/**
 * Columns of `workshop_messages m JOIN users u ON u.id = m.author_id`. The author comes as a person
 * (cities, role) in the same statement: in a partnership's workshop, the member city they belong to.
 */
export const MESSAGE_COLUMNS = `m.id, m.workshop_id, m.seq, m.client_id, m.author_id, u.display_name AS author_name,
  u.handle AS author_handle, m.body, m.body_html, m.created_at, m.deleted_at, m.pinned_at,
  ${personJson('u', '(SELECT mw.partnership_id FROM workshops mw WHERE mw.id = m.workshop_id)')} AS author`;

export const MESSAGE_FROM = `workshop_messages m JOIN users u ON u.id = m.author_id`;

/** A deleted message keeps its place (seq, author, time) but not its text: a tombstone. */
export function toMessageDto(row: MessageRow): WorkshopMessageDto {
  const deleted = row.deleted_at !== null;
  return {
    workshopId: row.workshop_id,
    seq: row.seq,
    id: row.id,
    clientId: row.client_id,
    author: toPerson(row.author),
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

/** A workshop as the list and the page read it (workshops.repository.ts), with the viewer's attendance. */
export interface WorkshopRow {
  id: string;
  title: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: WorkshopScope;
  partnership_id: string | null;
  partnership_title: string | null;
  city_id: string | null;
  city_slug: string | null;
  city_name: string | null;
  status: WorkshopStatus;
  starts_at: Date;
  ends_at: Date;
  opened_at: Date | null;
  ended_at: Date | null;
  capacity: number | null;
  registered_count: number;
  last_seq: number;
  facilitators: PersonJson[];
  is_listed: boolean;
  registered: boolean | null;
  removed_at: Date | null;
  /** The list's sort time as exact text, for cursors. */
  sort_key: string;
  // detail only
  description?: string;
  description_html?: string;
  created_by?: string | null;
  created_by_name?: string | null;
  locked?: boolean;
  slow_mode_seconds?: number;
  meeting_url?: string | null;
}

export type { MeetingContext };

export function toSummary(row: WorkshopRow, viewerIsAdmin: boolean): WorkshopSummaryDto {
  const facilitator = viewerIsAdmin || row.is_listed;
  const removed = row.removed_at !== null && !facilitator;
  return {
    id: row.id,
    title: row.title,
    theme: row.theme,
    language: row.language,
    scope: row.scope,
    partnership: row.partnership_id !== null ? { id: row.partnership_id, title: row.partnership_title ?? '' } : null,
    city: row.city_id !== null ? { id: row.city_id, slug: row.city_slug ?? '', name: row.city_name ?? '' } : null,
    status: row.status,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    openedAt: isoOrNull(row.opened_at),
    endedAt: isoOrNull(row.ended_at),
    facilitators: row.facilitators.map(toPerson),
    capacity: row.capacity,
    registeredCount: row.registered_count,
    messageCount: row.last_seq,
    viewer: { registered: row.registered === true && !removed, facilitator, removed },
  };
}

export function toDetail(row: WorkshopRow, viewerIsAdmin: boolean, context: MeetingContext): WorkshopDto {
  const summary = toSummary(row, viewerIsAdmin);
  return {
    ...summary,
    meeting: meetingFor(row.meeting_url, summary, context),
    description: row.description ?? '',
    descriptionHtml: row.description_html ?? '',
    createdBy: { id: row.created_by ?? '', displayName: row.created_by_name ?? '' },
    locked: row.locked ?? false,
    slowModeSeconds: row.slow_mode_seconds ?? 0,
    lastSeq: row.last_seq,
  };
}
