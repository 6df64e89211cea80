import type { UserSummary } from './auth';
import type { PersonSummary } from './people';
import type { Theme } from './domain';
import type { PageQuery } from './pagination';
import type { MilestoneDto } from './partnerships';

// --- Vocabulary ---------------------------------------------------------------------------------

/**
 * draft → open (registration) → confirmed → completed; any state but completed → cancelled.
 * Only coordinators of the partnership's member cities move a visit.
 */
export const VISIT_STATUSES = ['draft', 'open', 'confirmed', 'completed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** The transitions a coordinator may make, from each state. */
export const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const POLL_ANSWERS = ['yes', 'if_need_be', 'no'] as const;
export type PollAnswer = (typeof POLL_ANSWERS)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const VISIT_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  purposeMax: 8000,
  capacityMax: 500,
  accompanyingMax: 5,
  needsMax: 1000,
  pollOptionsMin: 2,
  pollOptionsMax: 10,
  /** Longest visit, in days. */
  durationDaysMax: 31,
  agendaItemsMax: 200,
  agendaTextMax: 300,
  agendaNotesMax: 4000,
  cancelReasonMax: 1000,
  reportSectionMax: 20000,
  reportActionsMax: 30,
} as const;

// --- Visits ---------------------------------------------------------------------------------------

type CityRef = { id: string; slug: string; name: string };

export interface VisitSummaryDto {
  id: string;
  partnership: { id: string; title: string };
  hostCity: CityRef;
  title: string;
  themes: Theme[];
  status: VisitStatus;
  /** The host city's IANA time zone, kept with the visit: agenda times are entered and stored in it. */
  timeZone: string;
  /** First and last day (YYYY-MM-DD, host's calendar); null while a date poll is open. */
  startDate: string | null;
  endDate: string | null;
  /** The visit's span as instants: start of the first day and end of the last day in the host's zone. */
  startsAt: string | null;
  endsAt: string | null;
  capacity: number;
  /** Places taken by registered delegates (each counts 1 + accompanying persons). */
  placesTaken: number;
  waitlistCount: number;
  registrationDeadline: string | null;
  /** True while the date poll is open (no dates fixed yet). */
  pollOpen: boolean;
  viewer: {
    /** Coordinates a member city of the partnership: may edit, move and see the roster. */
    coordinator: boolean;
    registration: { status: RegistrationStatus; position: number | null } | null;
  };
}

export interface VisitDateOptionDto {
  id: string;
  startDate: string;
  endDate: string;
  /** Instants of the option's first and last day in the host's zone, for showing in the viewer's zone. */
  startsAt: string;
  endsAt: string;
  tally: Record<PollAnswer, number>;
  /** The viewer's answer. */
  myAnswer: PollAnswer | null;
  /** Voters by answer (members see each other's answers, as in a Doodle-style poll). */
  voters: { user: UserSummary; answer: PollAnswer }[];
}

export interface AgendaItemDto {
  id: string;
  /** Host-local wall time, "YYYY-MM-DDTHH:mm", in the visit's time zone. */
  startsLocal: string;
  endsLocal: string;
  /** The same instants in UTC. */
  startsAt: string;
  endsAt: string;
  title: string;
  site: string;
  address: string;
  hostContact: string;
  notes: string;
  notesHtml: string;
}

export interface VisitWarningDto {
  code: 'AGENDA_OVERLAP';
  message: string;
  itemIds: string[];
}

export interface VisitDto extends VisitSummaryDto {
  purpose: string;
  purposeHtml: string;
  createdBy: UserSummary | null;
  cancelReason: string | null;
  /** iCalendar SEQUENCE: bumped whenever dates, agenda or status change. */
  sequence: number;
  dateOptions: VisitDateOptionDto[];
  agenda: AgendaItemDto[];
  /** Overlapping agenda items (allowed, but flagged). */
  warnings: VisitWarningDto[];
  report: VisitReportDto | null;
  createdAt: string;
  updatedAt: string;
}

export interface DateRangeInput {
  startDate: string;
  endDate: string;
}

export interface CreateVisitRequest {
  partnershipId: string;
  hostCityId: string;
  title: string;
  purpose?: string;
  themes: Theme[];
  capacity: number;
  /** ISO 8601 instant; registration closes then. */
  registrationDeadline?: string | null;
  /** Fixed dates, or… */
  dates?: DateRangeInput | null;
  /** …a date poll with 2–10 options (exactly one of the two). */
  dateOptions?: DateRangeInput[];
}

export type UpdateVisitRequest = Partial<
  Pick<CreateVisitRequest, 'title' | 'purpose' | 'themes' | 'capacity' | 'registrationDeadline'>
>;

export interface TransitionVisitRequest {
  status: VisitStatus;
  /** Required when cancelling. */
  reason?: string;
}

export interface VisitVoteRequest {
  answers: { optionId: string; answer: PollAnswer }[];
}

export interface PickDateRequest {
  optionId: string;
}

export interface AgendaItemRequest {
  startsLocal: string;
  endsLocal: string;
  title: string;
  site?: string;
  address?: string;
  hostContact?: string;
  notes?: string;
}

/** A write to the agenda answers with the whole visit (and its warnings). */
export type AgendaWriteResponse = VisitDto;

export interface VisitListQuery extends PageQuery {
  /** upcoming: not completed/cancelled and not over; past: the rest. */
  when?: 'upcoming' | 'past';
  partnershipId?: string;
  /** Month view: visits overlapping this month (YYYY-MM), in the host's calendar. */
  month?: string;
}

// --- Registration -------------------------------------------------------------------------------

export interface VisitRegistrationRequest {
  accompanying?: number;
  dietary?: string;
  accessibility?: string;
}

export interface MyRegistrationDto {
  status: RegistrationStatus;
  accompanying: number;
  dietary: string;
  accessibility: string;
  /** 1-based place in the waitlist; null when registered. */
  position: number | null;
  createdAt: string;
}

/**
 * GET /visits/:id/participants — who comes, for everyone who may see the visit. `needs` is present
 * only on the viewer's own row, or for the visit's coordinators; email never.
 */
export interface VisitParticipantDto {
  person: PersonSummary;
  status: RegistrationStatus;
  places: number;
  position: number | null;
  needs?: { dietary: string; accessibility: string };
}

/** Coordinators only. */
export interface RosterEntryDto {
  user: PersonSummary & { email: string };
  city: CityRef | null;
  status: RegistrationStatus;
  accompanying: number;
  places: number;
  dietary: string;
  accessibility: string;
  position: number | null;
  createdAt: string;
}

// --- Calendar feed ------------------------------------------------------------------------------

export interface CalendarFeedDto {
  /** A feed exists (its URL keeps working until regenerated or revoked). */
  active: boolean;
  /**
   * Secret subscription URL (webcal-compatible https URL). Only the token's hash is stored, so the
   * URL is returned once, by POST /me/calendar-feed (create or regenerate); GET answers null.
   */
  url: string | null;
  createdAt: string | null;
}

// --- Report -------------------------------------------------------------------------------------

export interface VisitReportActionDto {
  id: string;
  title: string;
  description: string;
  /** Set once turned into a partnership milestone. */
  milestone: MilestoneDto | null;
}

export interface VisitReportDto {
  seen: string;
  seenHtml: string;
  practices: string;
  practicesHtml: string;
  actions: VisitReportActionDto[];
  updatedAt: string;
  updatedBy: UserSummary | null;
}

export interface VisitReportRequest {
  seen: string;
  practices: string;
  actions: { id?: string; title: string; description?: string }[];
}

export interface ActionToMilestoneRequest {
  dueDate?: string | null;
  ownerId?: string | null;
}
