import type { FlagReason, Region } from './domain';
import type { PartnershipEventAction } from './partnerships';
import type {
  WaitingForumDto,
  WaitingInvitationDto,
  WaitingJoinRequestDto,
  WaitingPollDto,
  WaitingVisitDto,
  WaitingWorkshopDto,
} from './waiting';
import type { WorkshopMeetingDto } from './workshops';

/**
 * The signed-in user's home (`GET /api/me/home`), gathered from the "what waits for this user"
 * query in one statement: workshops live now, the decisions and polls waiting for them, what comes
 * up in the next days, and unread threads.
 */
export interface HomeDto {
  /** The instant the answer describes. */
  now: string;
  /** "Coming up" lists visits and workshops from `now` to here. */
  upcomingUntil: string;
  /**
   * Workshops whose room is open now and that the user may join (room at /workshops/:id/room): public
   * ones, those of their partnerships, those they facilitate or registered for; not those a
   * facilitator removed them from. Registered or not.
   */
  live: HomeLiveWorkshopDto[];
  waiting: {
    joinRequests: WaitingJoinRequestDto[];
    invitations: WaitingInvitationDto[];
    polls: WaitingPollDto[];
    /** Open reports (flags) on posts in the forums the user moderates; admins: all forums. */
    reports: HomeReportsDto;
  };
  comingUp: {
    visits: WaitingVisitDto[];
    /** Workshops not live yet. */
    workshops: WaitingWorkshopDto[];
  };
  /** Forums with unread threads (partnership forums first). */
  unread: WaitingForumDto[];
  /** What happened lately in the user's partnerships, newest first (at most HOME_ACTIVITY_LIMIT). */
  activity: HomeActivityDto[];
}

/**
 * A live workshop on the home. `meeting` follows the workshop page's rule: the link is set for
 * facilitators (and admins), and for registered participants from 15 minutes before the start
 * until the end; null link for everyone else. Null when the workshop has no online meeting.
 */
export interface HomeLiveWorkshopDto extends WaitingWorkshopDto {
  meeting: WorkshopMeetingDto | null;
}

/** Open reports waiting for a moderator: how many, and the newest few. */
export interface HomeReportsDto {
  count: number;
  items: HomeReportDto[];
}

export interface HomeReportDto {
  id: string;
  reason: FlagReason;
  createdAt: string;
  /** The reported post's number in its thread (link: /threads/:id?post=seq). */
  postSeq: number;
  thread: { id: string; title: string };
  /** The partnership whose forum holds the post; null in theme forums. */
  partnership: { id: string; title: string } | null;
}

interface HomeActivityBase {
  /** When it happened. */
  at: string;
  partnership: { id: string; title: string };
}

/** One thing that happened in one of the user's partnerships. */
export type HomeActivityDto =
  | (HomeActivityBase & {
      kind: 'event';
      action: PartnershipEventAction;
      actor: { id: string; displayName: string } | null;
      city: { id: string; slug: string; name: string } | null;
    })
  | (HomeActivityBase & {
      kind: 'thread';
      thread: { id: string; title: string };
      author: { id: string; displayName: string };
    })
  | (HomeActivityBase & {
      kind: 'visit';
      visit: { id: string; title: string; startDate: string | null; endDate: string | null };
      hostCity: { id: string; slug: string; name: string };
    })
  | (HomeActivityBase & { kind: 'workshop'; workshop: { id: string; title: string; startsAt: string } })
  | (HomeActivityBase & {
      kind: 'member';
      user: { id: string; displayName: string };
      city: { id: string; slug: string; name: string };
    });

export type HomeActivityKind = HomeActivityDto['kind'];

/** How far ahead "coming up" looks on the home. */
export const HOME_UPCOMING_DAYS = 30;
/** How far back and how many entries "recent activity" lists. */
export const HOME_ACTIVITY_DAYS = 30;
export const HOME_ACTIVITY_LIMIT = 10;
/** Live workshops listed, and open reports listed (the count covers all of them). */
export const HOME_LIVE_LIMIT = 10;
export const HOME_REPORTS_LISTED = 5;

/**
 * The public landing page's facts (`GET /api/public/overview`, no sign-in): the cities taking part by
 * region, and the next public workshops (titles and times only).
 */
export interface PublicOverviewDto {
  cityCount: number;
  regions: {
    region: Region;
    cityCount: number;
    /** By name; at most PUBLIC_OVERVIEW_CITIES_PER_REGION of them. */
    cities: { slug: string; name: string; countryCode: string }[];
  }[];
  upcomingWorkshops: { id: string; title: string; startsAt: string; endsAt: string; language: string }[];
}

export const PUBLIC_OVERVIEW_CITIES_PER_REGION = 40;
export const PUBLIC_OVERVIEW_WORKSHOPS = 3;
