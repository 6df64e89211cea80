import type {
  WaitingForumDto,
  WaitingInvitationDto,
  WaitingJoinRequestDto,
  WaitingPollDto,
  WaitingVisitDto,
  WaitingWorkshopDto,
} from './waiting';

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
  /** Workshops whose room is open now that the user registered for, facilitates or belongs to (room at /workshops/:id/room). */
  live: WaitingWorkshopDto[];
  waiting: {
    joinRequests: WaitingJoinRequestDto[];
    invitations: WaitingInvitationDto[];
    polls: WaitingPollDto[];
  };
  comingUp: {
    visits: WaitingVisitDto[];
    /** Workshops not live yet. */
    workshops: WaitingWorkshopDto[];
  };
  /** Forums with unread threads (partnership forums first). */
  unread: WaitingForumDto[];
}

/** How far ahead "coming up" looks on the home. */
export const HOME_UPCOMING_DAYS = 30;
