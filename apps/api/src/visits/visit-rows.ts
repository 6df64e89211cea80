import {
  addCalendarDays,
  localToInstant,
  parseLocalDateTime,
  startOfLocalDay,
  type AgendaItemDto,
  type PollAnswer,
  type RegistrationStatus,
  type Theme,
  type UserSummary,
  type VisitDateOptionDto,
  type VisitDto,
  type VisitReportDto,
  type VisitStatus,
  type VisitSummaryDto,
  type VisitWarningDto,
} from '@twinning/contracts';
import { iso, isoOrNull } from '../common/sql';

/** Row types of the visit repositories and their mappers to contract DTOs. */

/** The visit's own columns that policies and writes need. */
export interface VisitRecord {
  id: string;
  partnership_id: string;
  host_city_id: string;
  title: string;
  status: VisitStatus;
  time_zone: string;
  start_date: string | null;
  end_date: string | null;
  capacity: number;
  places_taken: number;
  registration_deadline: Date | null;
  sequence: number;
}

export interface VisitSummaryRow {
  id: string;
  partnership_id: string;
  partnership_title: string;
  host_city_id: string;
  host_slug: string;
  host_name: string;
  title: string;
  themes: Theme[];
  status: VisitStatus;
  time_zone: string;
  start_date: string | null;
  end_date: string | null;
  capacity: number;
  places_taken: number;
  waitlist_count: number;
  registration_deadline: Date | null;
  coordinator: boolean;
  my_status: RegistrationStatus | null;
  my_position: number | null;
}

/** The visit page's own row: the summary and the visit's long fields. */
export interface VisitDetailRow extends VisitSummaryRow {
  purpose: string;
  purpose_html: string;
  cancel_reason: string | null;
  sequence: number;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The instants a span of local dates covers: from the first day's midnight to the midnight after the last. */
export function dayInstants(
  timeZone: string,
  startDate: string,
  endDate: string,
): { startsAt: string; endsAt: string } {
  return {
    startsAt: startOfLocalDay(timeZone, startDate).toISOString(),
    endsAt: startOfLocalDay(timeZone, addCalendarDays(endDate, 1)).toISOString(),
  };
}

export function toVisitSummary(row: VisitSummaryRow): VisitSummaryDto {
  const span = row.start_date && row.end_date ? dayInstants(row.time_zone, row.start_date, row.end_date) : null;
  return {
    id: row.id,
    partnership: { id: row.partnership_id, title: row.partnership_title },
    hostCity: { id: row.host_city_id, slug: row.host_slug, name: row.host_name },
    title: row.title,
    themes: row.themes,
    status: row.status,
    timeZone: row.time_zone,
    startDate: row.start_date,
    endDate: row.end_date,
    startsAt: span?.startsAt ?? null,
    endsAt: span?.endsAt ?? null,
    capacity: row.capacity,
    placesTaken: row.places_taken,
    waitlistCount: row.waitlist_count,
    registrationDeadline: isoOrNull(row.registration_deadline),
    pollOpen: row.start_date === null,
    viewer: {
      coordinator: row.coordinator,
      registration: row.my_status ? { status: row.my_status, position: row.my_position } : null,
    },
  };
}

// --- date poll ----------------------------------------------------------------------------------

export interface DateOptionRow {
  id: string;
  start_date: string;
  end_date: string;
  voters: { id: string; displayName: string; answer: PollAnswer }[];
}

export function toDateOption(row: DateOptionRow, timeZone: string, viewerId: string): VisitDateOptionDto {
  const tally: Record<PollAnswer, number> = { yes: 0, if_need_be: 0, no: 0 };
  for (const v of row.voters) tally[v.answer]++;
  return {
    id: row.id,
    startDate: row.start_date,
    endDate: row.end_date,
    ...dayInstants(timeZone, row.start_date, row.end_date),
    tally,
    myAnswer: row.voters.find((v) => v.id === viewerId)?.answer ?? null,
    voters: row.voters.map((v) => ({ user: { id: v.id, displayName: v.displayName }, answer: v.answer })),
  };
}

// --- agenda -------------------------------------------------------------------------------------

export interface AgendaRow {
  id: string;
  starts_local: string;
  ends_local: string;
  title: string;
  site: string;
  address: string;
  host_contact: string;
  notes: string;
  notes_html: string;
}

/**
 * The instant of a stored wall time. Stored times were checked when written; should the zone's
 * rules have changed since and put one in a gap, it is read with the offset before the gap
 * ('shift-forward', as RFC 5545 does). Ambiguous times are the first occurrence.
 */
export function instantOf(timeZone: string, local: string): Date {
  const parsed = parseLocalDateTime(local);
  if (!parsed) throw new Error(`not a local time: ${local}`);
  return localToInstant(timeZone, parsed, 'shift-forward').instant;
}

export function toAgendaItem(row: AgendaRow, timeZone: string): AgendaItemDto {
  return {
    id: row.id,
    startsLocal: row.starts_local,
    endsLocal: row.ends_local,
    startsAt: instantOf(timeZone, row.starts_local).toISOString(),
    endsAt: instantOf(timeZone, row.ends_local).toISOString(),
    title: row.title,
    site: row.site,
    address: row.address,
    hostContact: row.host_contact,
    notes: row.notes,
    notesHtml: row.notes_html,
  };
}

/** Every pair of items whose times overlap (allowed, but flagged). */
export function overlapWarnings(items: AgendaItemDto[]): VisitWarningDto[] {
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const warnings: VisitWarningDto[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].startsAt < sorted[i].endsAt; j++) {
      warnings.push({
        code: 'AGENDA_OVERLAP',
        message: `“${sorted[i].title}” overlaps “${sorted[j].title}”.`,
        itemIds: [sorted[i].id, sorted[j].id],
      });
    }
  }
  return warnings;
}

export const userRef = (id: string | null, name: string | null): UserSummary | null =>
  id ? { id, displayName: name ?? '' } : null;

/** The visit page: its row, date options, agenda (with overlap warnings) and report, as `viewerId` sees it. */
export function toVisit(
  row: VisitDetailRow,
  options: DateOptionRow[],
  agendaRows: AgendaRow[],
  report: VisitReportDto | null,
  viewerId: string,
): VisitDto {
  const agenda = agendaRows.map((r) => toAgendaItem(r, row.time_zone));
  return {
    ...toVisitSummary(row),
    purpose: row.purpose,
    purposeHtml: row.purpose_html,
    createdBy: userRef(row.created_by, row.created_by_name),
    cancelReason: row.cancel_reason,
    sequence: row.sequence,
    dateOptions: options.map((o) => toDateOption(o, row.time_zone, viewerId)),
    agenda,
    warnings: overlapWarnings(agenda),
    report,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
