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
  type VisitStatus,
  type VisitSummaryDto,
  type VisitWarningDto,
} from '@twinning/contracts';
import { isoOrNull } from '../common/sql';

/** Row SQL and mappers shared by the visit services. Lists are one statement whatever their length. */

/** A date column as "YYYY-MM-DD" (never through a JS Date, which would shift it by the server's zone). */
export const dateText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
/** A wall-time column as "YYYY-MM-DDTHH:mm". */
export const localText = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`;

/** Officials of the partnership's member cities, as a condition on `partnershipExpr` for user `userExpr`. */
export const isMemberSql = (partnershipExpr: string, userExpr: string, coordinatorOnly = false) =>
  `EXISTS (SELECT 1 FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
            WHERE pc.partnership_id = ${partnershipExpr} AND pc.status = 'member'
              AND m.user_id = ${userExpr} AND m.status = 'approved'${coordinatorOnly ? ` AND m.role = 'coordinator'` : ''})`;

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

/**
 * Visits with their partnership, host city, waitlist size and the viewer's ($1; $2 = is admin)
 * coordinator flag and registration. Alias `v`.
 */
export const VISIT_SUMMARY_COLUMNS = `
  v.id, v.partnership_id, p.title AS partnership_title, v.host_city_id, hc.slug AS host_slug, hc.name AS host_name,
  v.title, v.themes, v.status, v.time_zone, ${dateText('v.start_date')} AS start_date, ${dateText('v.end_date')} AS end_date,
  v.capacity, v.places_taken, v.registration_deadline,
  (SELECT count(*)::int FROM visit_registrations w WHERE w.visit_id = v.id AND w.status = 'waitlisted') AS waitlist_count,
  ($2::boolean OR ${isMemberSql('v.partnership_id', '$1', true)}) AS coordinator,
  mr.status AS my_status,
  CASE WHEN mr.status = 'waitlisted' THEN
    (SELECT count(*)::int FROM visit_registrations w
      WHERE w.visit_id = v.id AND w.status = 'waitlisted' AND (w.queued_at, w.id) <= (mr.queued_at, mr.id))
  END AS my_position`;

export const VISIT_SUMMARY_FROM = `
  visits v
  JOIN partnerships p ON p.id = v.partnership_id
  JOIN cities hc ON hc.id = v.host_city_id
  LEFT JOIN visit_registrations mr ON mr.visit_id = v.id AND mr.user_id = $1 AND mr.status <> 'cancelled'`;

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

export const DATE_OPTIONS_SQL = `
  SELECT o.id, ${dateText('o.start_date')} AS start_date, ${dateText('o.end_date')} AS end_date,
         coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'answer', dv.answer)
                           ORDER BY u.display_name, u.id) FILTER (WHERE dv.user_id IS NOT NULL), '[]') AS voters
    FROM visit_date_options o
    LEFT JOIN visit_date_votes dv ON dv.option_id = o.id
    LEFT JOIN users u ON u.id = dv.user_id
   WHERE o.visit_id = $1
   GROUP BY o.id
   ORDER BY o.start_date, o.end_date, o.id`;

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

export const AGENDA_SQL = `
  SELECT id, ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local,
         title, site, address, host_contact, notes, notes_html
    FROM visit_agenda_items
   WHERE visit_id = $1
   ORDER BY starts_local, ends_local, id`;

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
