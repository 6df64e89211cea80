import type { UserSummary } from './auth';
import type { PartnershipStatus, Theme } from './domain';
import type { ForumKind } from './forums';
import type { RegistrationStatus, VisitStatus } from './visits';
import type { WorkshopStatus } from './workshops';

type CityRef = { id: string; slug: string; name: string };
type PartnershipRef = { id: string; title: string };

/** An unread thread: its posts after the reader's read position, and the first unread post's first lines. */
export interface WaitingThreadDto {
  id: string;
  title: string;
  lastPostedAt: string;
  unreadCount: number;
  /** The post to open (the first unread one). */
  firstUnreadSeq: number;
  /** The first lines of the first unread post still shown (plain Markdown source, shortened). */
  excerpt: string;
  author: UserSummary | null;
}

/** One forum's unread threads: a partnership's private forum, a public theme forum or a course's forum. */
export interface WaitingForumDto {
  forumId: string;
  kind: ForumKind;
  /** The theme of a public forum. */
  theme: Theme | null;
  /** The partnership of a private forum. */
  partnership: PartnershipRef | null;
  /** The course of a course's forum. */
  course: { id: string; title: string } | null;
  /** Unread threads with activity in the window (the list below shows the latest few). */
  unreadThreads: number;
  threads: WaitingThreadDto[];
}

/** A study visit in the next days: of the reader's partnerships (open or confirmed), or one they registered for. */
export interface WaitingVisitDto {
  id: string;
  title: string;
  status: VisitStatus;
  partnership: PartnershipRef;
  hostCity: CityRef;
  /** The host's calendar dates (YYYY-MM-DD) in `timeZone`. */
  startDate: string;
  endDate: string;
  timeZone: string;
  /** The reader's registration, if any. */
  myStatus: Exclude<RegistrationStatus, 'cancelled'> | null;
}

/**
 * A workshop in the next days (or live now) that the reader registered for or facilitates, or that
 * belongs to one of their partnerships.
 */
export interface WaitingWorkshopDto {
  id: string;
  title: string;
  status: WorkshopStatus;
  startsAt: string;
  endsAt: string;
  partnership: PartnershipRef | null;
  registered: boolean;
  facilitator: boolean;
}

/** A visit whose date poll is open and waits for the reader's vote. */
export interface WaitingPollDto {
  visitId: string;
  title: string;
  partnership: PartnershipRef;
  hostCity: CityRef;
  options: number;
}

/** A request to join a city the reader coordinates. */
export interface WaitingJoinRequestDto {
  id: string;
  city: CityRef;
  user: UserSummary;
  createdAt: string;
}

/** A partnership proposal or invitation that a city the reader coordinates has to answer. */
export interface WaitingInvitationDto {
  partnership: PartnershipRef & { status: PartnershipStatus };
  /** The reader's invited city. */
  city: CityRef;
  /** The city that invited it, when known. */
  fromCity: CityRef | null;
  invitedAt: string;
}

/**
 * What waits for one user (`GET /api/me/waiting`; the digests and the home page read it): unread
 * threads by forum, upcoming visits and workshops, open date polls awaiting their vote, and the
 * decisions that are theirs to take. Only what the user may read.
 */
export interface WaitingForMeDto {
  /** Threads count when they had activity after this instant. */
  since: string;
  /** The instant the answer describes (upcoming = from here to `upcomingUntil`). */
  now: string;
  upcomingUntil: string;
  forums: WaitingForumDto[];
  visits: WaitingVisitDto[];
  workshops: WaitingWorkshopDto[];
  polls: WaitingPollDto[];
  decisions: {
    joinRequests: WaitingJoinRequestDto[];
    invitations: WaitingInvitationDto[];
  };
}

/** How far ahead "upcoming" looks, and how far back unread threads count by default. */
export const WAITING_UPCOMING_DAYS = 14;
export const WAITING_DEFAULT_SINCE_DAYS = 14;
/** At most this many threads per forum, and entries per list. */
export const WAITING_THREADS_PER_FORUM = 5;
export const WAITING_LIST_LIMIT = 20;
