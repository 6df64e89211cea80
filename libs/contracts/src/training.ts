import type { UserSummary } from './auth';
import type { CitySummaryDto } from './cities';
import type { ImmigrationProfile, Theme } from './domain';
import type { PageQuery } from './pagination';
import type { WorkLanguage } from './people';
import type { WorkshopLanguage } from './workshops';

// --- Vocabulary ---------------------------------------------------------------------------------

/** Skills a training can teach, and a city can declare as its expertise (`cities.training_skills`). */
export const TRAINING_SKILLS = [
  'leadership',
  'mediation',
  'negotiation',
  'migration_governance',
  'migrant_data',
] as const;
export type TrainingSkill = (typeof TRAINING_SKILLS)[number];

export const TRAINING_FORMATS = ['live_online', 'in_person', 'self_paced'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

/** Formats held live (at a set time): matching weighs the time-zone overlap for these. */
export const LIVE_TRAINING_FORMATS: readonly TrainingFormat[] = ['live_online', 'in_person'];

/**
 * open →(an offer accepted) matched →(dates fixed, workshops or enrolments created) scheduled
 * →(the last session ends or the course deadline passes) delivered →(the evaluation window closes)
 * evaluated; withdrawn from open or matched.
 */
export const TRAINING_REQUEST_STATUSES = [
  'open',
  'matched',
  'scheduled',
  'delivered',
  'evaluated',
  'withdrawn',
] as const;
export type TrainingRequestStatus = (typeof TRAINING_REQUEST_STATUSES)[number];

/** The legal moves, from each state. Anything else is INVALID_STATE naming both states. */
export const TRAINING_REQUEST_TRANSITIONS: Record<TrainingRequestStatus, readonly TrainingRequestStatus[]> = {
  open: ['matched', 'withdrawn'],
  matched: ['scheduled', 'withdrawn'],
  scheduled: ['delivered'],
  delivered: ['evaluated'],
  evaluated: [],
  withdrawn: [],
};

/** An offer waits (`pending`) until the requesters accept it or accept another one (`declined`). */
export const TRAINING_OFFER_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type TrainingOfferStatus = (typeof TRAINING_OFFER_STATUSES)[number];

export const TRAINING_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  audienceRolesMax: 10,
  audienceRoleMax: 80,
  headCountMax: 500,
  officialsMax: 100,
  languagesMax: 5,
  notesMax: 4000,
  approachMin: 10,
  approachMax: 8000,
  proposedDatesMax: 20,
  trainersMax: 5,
  /** Longest preferred period, in days. */
  periodDaysMax: 366,
  withdrawReasonMax: 1000,
  /** Sessions of a scheduled live or in-person training (one workshop each when live online). */
  sessionsMax: 20,
  sessionTitleMax: 160,
  placeMax: 200,
  /** The evaluation's "one thing to improve". */
  improveMax: 500,
} as const;

/** Days the evaluation stays open after delivery; then the request moves to evaluated. */
export const TRAINING_EVALUATION_WINDOW_DAYS = 14;
/** Evaluation results (aggregates and free text) are shown from this many answers on. */
export const TRAINING_EVALUATION_MIN_ANSWERS = 5;

// --- Requests -----------------------------------------------------------------------------------

type CityRef = { id: string; slug: string; name: string };

/** Who asks: one city, or a partnership (for all its member cities). */
export type TrainingRequester =
  { kind: 'city'; city: CityRef } | { kind: 'partnership'; partnership: { id: string; title: string } };

export interface TrainingRequestSummaryDto {
  id: string;
  title: string;
  requester: TrainingRequester;
  themes: Theme[];
  skills: TrainingSkill[];
  format: TrainingFormat;
  languages: WorkLanguage[];
  headCount: number;
  /** Preferred period: calendar days in `timeZone` (the requester's zone, kept with the request). */
  preferredStart: string;
  preferredEnd: string;
  timeZone: string;
  status: TrainingRequestStatus;
  /** Offers the viewer may see (all for requesters and admins; their own for a trainer). */
  offerCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One recorded move: who, when, from which state to which (from is null on creation). */
export interface TrainingRequestEventDto {
  id: string;
  actor: UserSummary | null;
  from: TrainingRequestStatus | null;
  to: TrainingRequestStatus;
  note: string;
  at: string;
}

export interface TrainingOfferDto {
  id: string;
  requestId: string;
  createdBy: UserSummary | null;
  /** The expert city the offer is made for (null: a facilitator's own offer). */
  city: CityRef | null;
  approach: string;
  format: TrainingFormat;
  /** Proposed days (YYYY-MM-DD, the request's time zone). */
  proposedDates: string[];
  trainers: UserSummary[];
  language: WorkLanguage;
  /** The published course of a self-paced offer (null for live formats). */
  courseId: string | null;
  course: { id: string; title: string } | null;
  status: TrainingOfferStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** One session of a scheduled live or in-person training; live online sessions link their workshop. */
export interface TrainingSessionDto {
  position: number;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The workshop created for it (live online); null in person, or once the workshop was deleted. */
  workshop: { id: string; title: string } | null;
}

/** What scheduling fixed: sessions (live), a place (in person), a course and deadline (self paced). */
export interface TrainingScheduleDto {
  /** The accepted offer's format, which decides what was created. */
  format: TrainingFormat;
  sessions: TrainingSessionDto[];
  place: string | null;
  /** The course version the officials were enrolled in (self paced). */
  course: { id: string; versionId: string; title: string } | null;
  /** Self paced: the end of the deadline day in the request's zone (UTC ISO). */
  deadline: string | null;
  scheduledAt: string;
  /** When the last session ends or the course deadline passes: the request then moves to delivered. */
  deliveryEndsAt: string;
  deliveredAt: string | null;
  /** deliveredAt + TRAINING_EVALUATION_WINDOW_DAYS: the request then moves to evaluated. */
  evaluationClosesAt: string | null;
}

/** In-person attendance of one named official, as the trainer marked it (null: not marked yet). */
export interface TrainingAttendanceDto {
  user: UserSummary;
  present: boolean | null;
  markedAt: string | null;
}

export interface TrainingRequestDto extends TrainingRequestSummaryDto {
  audienceRoles: string[];
  /** Officials of the requesting city (or partnership's cities) who will attend. */
  officials: UserSummary[];
  notes: string;
  createdBy: UserSummary | null;
  acceptedOfferId: string | null;
  offers: TrainingOfferDto[];
  history: TrainingRequestEventDto[];
  /** Set from scheduled on. */
  schedule: TrainingScheduleDto | null;
  /** In-person trainings from scheduled on, for the trainers, requesters and admins; null otherwise. */
  attendance: TrainingAttendanceDto[] | null;
  viewer: {
    /** Coordinates the requesting city (or a member city of the requesting partnership). */
    requester: boolean;
    /** May accept an offer and withdraw the request (requesters and admins, in the right state). */
    canDecide: boolean;
    /** May make an offer: a facilitator or a coordinator of an expert city, while the request is open. */
    canOffer: boolean;
    /** One of the accepted offer's trainers (or its author). */
    trainer: boolean;
    /** May schedule: the accepted offer's trainers, the requesters and admins, while matched. */
    canSchedule: boolean;
    /** May mark in-person attendance: the accepted offer's trainers and admins, once scheduled. */
    canMarkAttendance: boolean;
    /** Takes part (a named official, a registered attendee or an enrolled learner): answers the evaluation. */
    participant: boolean;
    /** Sees the evaluation results (aggregates): requesters, trainers and admins. */
    canSeeResults: boolean;
  };
}

/**
 * Scheduling a matched request, by the accepted offer's format. live_online: `sessions` (one workshop
 * each, in `language`); in_person: `sessions` and `place`; self_paced: `deadline`, a day in the
 * request's zone (the named officials are enrolled in the offer's course).
 */
export interface ScheduleTrainingRequest {
  sessions?: { title?: string; startsAt: string; endsAt: string }[];
  /** Live online: the workshops' language; defaults to the offer's language. */
  language?: WorkshopLanguage;
  place?: string;
  deadline?: string;
}

export interface MarkTrainingAttendanceRequest {
  entries: { userId: string; present: boolean }[];
}

/** A participant's evaluation. */
export interface TrainingEvaluationAnswer {
  /** 1–5 */
  overall: number;
  /** Relevance to their work, 1–5. */
  relevance: number;
  willApply: boolean;
  /** One thing to improve (optional, at most TRAINING_LIMITS.improveMax characters). */
  improve?: string;
}

/**
 * Aggregates only, and only from TRAINING_EVALUATION_MIN_ANSWERS answers on; below that, no numbers at
 * all. Free-text answers carry no names and are sorted alphabetically, so none can be tied to a person.
 */
export type TrainingEvaluationResultsDto =
  | { ready: false; minAnswers: number }
  | {
      ready: true;
      minAnswers: number;
      answers: number;
      overall: { average: number; counts: [number, number, number, number, number] };
      relevance: { average: number; counts: [number, number, number, number, number] };
      willApply: { yes: number; no: number };
      improvements: string[];
    };

export interface TrainingEvaluationDto {
  requestId: string;
  /** Open from delivery until the window closes (then the request is evaluated). */
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  /** The viewer takes part and may answer (or edit their answer) while open. */
  canAnswer: boolean;
  /** The viewer's own answer (participants only). */
  mine: (TrainingEvaluationAnswer & { updatedAt: string }) | null;
  /** For requesters, trainers and admins; null for others. */
  results: TrainingEvaluationResultsDto | null;
}

/**
 * One of the viewer's own offers (they made it, or it names them as a trainer), with the request it
 * answers: `GET /training/offers/mine`, newest first. `request.visible` is false once the request
 * went to another trainer (its page then answers 404 to them).
 */
export interface MyTrainingOfferDto {
  id: string;
  city: CityRef | null;
  format: TrainingFormat;
  language: WorkLanguage;
  proposedDates: string[];
  trainers: UserSummary[];
  status: TrainingOfferStatus;
  createdAt: string;
  decidedAt: string | null;
  request: {
    id: string;
    title: string;
    requester: TrainingRequester;
    status: TrainingRequestStatus;
    visible: boolean;
  };
}

export interface TrainingRequestListQuery extends PageQuery {
  status?: TrainingRequestStatus;
}

export interface CreateTrainingRequest {
  /** Exactly one of cityId and partnershipId. */
  cityId?: string;
  partnershipId?: string;
  title: string;
  themes: Theme[];
  skills: TrainingSkill[];
  audienceRoles: string[];
  headCount: number;
  /** User ids of approved officials of the requesting city (or of the partnership's member cities). */
  officialIds: string[];
  languages: WorkLanguage[];
  format: TrainingFormat;
  preferredStart: string;
  preferredEnd: string;
  /** The requester's IANA zone; defaults to the requesting city's (the creator's coordinated member city). */
  timeZone?: string;
  notes?: string;
}

export interface CreateTrainingOfferRequest {
  /** Offer for an expert city the caller coordinates; omitted: as a facilitator. */
  cityId?: string;
  approach: string;
  format: TrainingFormat;
  proposedDates: string[];
  /** Facilitators, or officials of the offering city. */
  trainerIds: string[];
  language: WorkLanguage;
  /** Self-paced offers only (and required there): a course with a published version. */
  courseId?: string;
}

export interface WithdrawTrainingRequest {
  reason?: string;
}

// --- Matching -----------------------------------------------------------------------------------

/**
 * Score weights for ranking trainers and expert cities against a training request (documented in
 * the README). The score is the sum of the parts, out of 100, so anyone can recompute it from the
 * reasons.
 */
export const TRAINING_MATCH_WEIGHTS = {
  /** Per requested skill the candidate declares, up to `sharedSkillsMax`. */
  sharedSkill: 15,
  sharedSkillsMax: 3,
  /** Per requested theme the candidate works on, up to `sharedThemesMax`. */
  sharedTheme: 5,
  sharedThemesMax: 2,
  /** The candidate works in at least one of the request's languages. */
  commonLanguage: 15,
  /**
   * Live formats only: full points when the two zones' working days (09:00–17:00) overlap
   * entirely, proportionally less, nothing without overlap.
   */
  timeZoneOverlap: 10,
  workingHours: 8,
  /** Cities only: a traditional city of immigration paired with an emerging one (either way). */
  complementaryProfile: 10,
  /**
   * Past evaluations of the candidate's trainings, counted only from `evaluationMinAnswers`
   * answers: (average overall − 1) / 4 × `evaluation`.
   */
  evaluation: 10,
  evaluationMinAnswers: 5,
} as const;

export interface TrainingMatchReasons {
  sharedSkills: TrainingSkill[];
  sharedThemes: Theme[];
  commonLanguages: WorkLanguage[];
  /** Null for self-paced requests (the zone does not matter). */
  timeZone: { requester: string; candidate: string; overlapHours: number } | null;
  /**
   * Null for facilitators (people have no immigration profile). `requester` holds the requesting
   * city's profile, or each member city's for a partnership; complementary when the candidate's
   * profile differs from one of them.
   */
  profiles: { requester: ImmigrationProfile[]; candidate: ImmigrationProfile; complementary: boolean } | null;
  /** Answers behind the evaluation part; `average` null below `evaluationMinAnswers`. */
  evaluations: { answers: number; average: number | null };
}

export interface TrainingMatchDto {
  kind: 'facilitator' | 'city';
  /** The facilitator (kind facilitator). */
  user: UserSummary | null;
  /** The expert city (kind city). */
  city: CitySummaryDto | null;
  score: number;
  /** Points per criterion; they add up to `score`. */
  breakdown: {
    skills: number;
    themes: number;
    language: number;
    timeZone: number;
    profile: number;
    evaluation: number;
  };
  reasons: TrainingMatchReasons;
}

export interface TrainingMatchesDto {
  requestId: string;
  weights: typeof TRAINING_MATCH_WEIGHTS;
  items: TrainingMatchDto[];
}
