import type { AuthorDto, UserSummary } from './auth';
import type { PersonSummary } from './people';
import type { Theme } from './domain';
import type { PageQuery } from './pagination';
import type { Ack } from './realtime';

// --- Vocabulary ---------------------------------------------------------------------------------

/** scheduled → live → ended; facilitators open and end the room. */
export const WORKSHOP_STATUSES = ['scheduled', 'live', 'ended'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/**
 * `public`: every signed-in user; `partnership`: the approved officials of its member cities; `city`: the
 * approved officials of one city (created by scheduling a city's training request, never by the form).
 */
export const WORKSHOP_SCOPES = ['public', 'partnership', 'city'] as const;
export type WorkshopScope = (typeof WORKSHOP_SCOPES)[number];

/** The scopes the workshop form offers (city-scoped workshops come from training requests). */
export const CREATABLE_WORKSHOP_SCOPES = ['public', 'partnership'] as const satisfies readonly WorkshopScope[];
export type CreatableWorkshopScope = (typeof CREATABLE_WORKSHOP_SCOPES)[number];

/** Languages a workshop can be held in (BCP 47); the web client names them with Intl.DisplayNames. */
export const WORKSHOP_LANGUAGES = ['en', 'fr', 'es', 'ar', 'nl', 'de', 'ms', 'id', 'vi', 'th', 'zh', 'tl'] as const;
export type WorkshopLanguage = (typeof WORKSHOP_LANGUAGES)[number];

/** Which part of the workshop list: not started yet, open now, or over. */
export const WORKSHOP_LIST_WHEN = ['upcoming', 'live', 'past'] as const;
export type WorkshopListWhen = (typeof WORKSHOP_LIST_WHEN)[number];

export const QUESTION_STATUSES = ['open', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const WORKSHOP_AUDIT_ACTIONS = [
  'workshop.opened',
  'workshop.ended',
  'message.deleted',
  'message.pinned',
  'message.unpinned',
  'participant.muted',
  'participant.unmuted',
  'participant.removed',
  'room.locked',
  'room.unlocked',
  'room.slow_mode',
  'report.resolved',
  'question.status',
  'hand.called',
  'facilitator.added',
  'facilitator.removed',
  'meeting.added',
  'meeting.changed',
  'meeting.removed',
  'attendance.corrected',
  'attendance.reset',
] as const;
export type WorkshopAuditAction = (typeof WORKSHOP_AUDIT_ACTIONS)[number];

export const WORKSHOP_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  descriptionMax: 8000,
  /** Characters of a chat message's markdown source. */
  messageMax: 4000,
  /** clientId: the sender's idempotency key, 1–64 of [A-Za-z0-9_-]. */
  clientIdMax: 64,
  questionMax: 500,
  reportReasonMax: 500,
  muteMinutesMax: 7 * 24 * 60,
  slowModeSecondsMax: 3600,
  capacityMax: 10_000,
  /** Co-facilitators besides the creator. */
  facilitatorsMax: 10,
  /** Messages per history page (join without afterSeq, and paging backwards). */
  historyPageDefault: 50,
  historyPageMax: 200,
  /** Messages a rejoin with afterSeq returns at most; the client pages forward for more. */
  replayMax: 1000,
  /** Pinned messages per room. */
  pinnedMax: 10,
  /** One typing event per user per this many milliseconds is relayed. */
  typingThrottleMs: 2000,
} as const;

// --- Online meetings ------------------------------------------------------------------------------

/** Providers the workshop page names (label and icon); `other` is any other https meeting link. */
export const MEETING_PROVIDERS = ['jitsi', 'bbb', 'zoom', 'teams', 'other'] as const;
export type MeetingProvider = (typeof MEETING_PROVIDERS)[number];

/** The meeting link is shown from this many minutes before the start until the workshop ends. */
export const MEETING_OPENS_MINUTES_BEFORE = 15;
export const MEETING_URL_MAX = 500;

/**
 * Why a meeting link is refused, or null when it is acceptable: an absolute https URL on a named
 * host (no IP address, no localhost, no user name or password), at most MEETING_URL_MAX characters.
 * Any such host is accepted, so a city's own Jitsi or BigBlueButton works without configuration.
 */
export function meetingUrlProblem(raw: string): string | null {
  if (raw.length > MEETING_URL_MAX) return `meetingUrl must be at most ${MEETING_URL_MAX} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return 'meetingUrl must not contain spaces';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'meetingUrl must be a link such as https://meet.jit.si/our-workshop';
  }
  if (url.protocol !== 'https:') return 'meetingUrl must start with https://';
  if (url.username || url.password) return 'meetingUrl must not contain a user name or password';
  const host = url.hostname.toLowerCase();
  if (
    !host.includes('.') ||
    host.endsWith('.localhost') ||
    /^[\d.]+$/.test(host) ||
    host.startsWith('[') ||
    !/^[a-z0-9.-]+$/.test(host)
  ) {
    return 'meetingUrl must name a public host, such as meet.jit.si or zoom.us';
  }
  return null;
}

const hostIs = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Which service a meeting link belongs to: Jitsi (meet.jit.si, 8x8.vc, or a configured embed
 * origin), BigBlueButton (its join paths, or a host named bbb / bigbluebutton), Zoom (zoom.us and
 * its subdomains), Teams (teams.microsoft.com, teams.live.com); anything else is `other`.
 */
export function meetingProvider(raw: string, embedOrigins: readonly string[] = []): MeetingProvider {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'other';
  }
  const host = url.hostname.toLowerCase();
  if (hostIs(host, 'zoom.us') || hostIs(host, 'zoomgov.com')) return 'zoom';
  if (host === 'teams.microsoft.com' || host === 'teams.live.com') return 'teams';
  if (/(^|[.-])(bbb|bigbluebutton)([.-]|$)/.test(host) || /^\/(bigbluebutton|b|rooms)\//.test(url.pathname)) {
    return 'bbb';
  }
  if (host === 'meet.jit.si' || host === '8x8.vc' || /(^|[.-])jitsi([.-]|$)/.test(host)) return 'jitsi';
  if (embedOrigins.includes(url.origin)) return 'jitsi';
  return 'other';
}

export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Default per-participant message rate limit; WORKSHOP_MESSAGE_RATE_LIMIT="10/5" (messages/seconds) overrides. */
export const WORKSHOP_MESSAGE_RATE_LIMIT_DEFAULT = { messages: 10, seconds: 5 } as const;

// --- REST ---------------------------------------------------------------------------------------

export interface WorkshopSummaryDto {
  id: string;
  title: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: WorkshopScope;
  /** Set when scope is `partnership`. */
  partnership: { id: string; title: string } | null;
  /** Set when scope is `city`. */
  city: { id: string; slug: string; name: string } | null;
  status: WorkshopStatus;
  /** Scheduled times (UTC ISO 8601). */
  startsAt: string;
  endsAt: string;
  openedAt: string | null;
  endedAt: string | null;
  /** In a partnership workshop, their cities in that partnership; otherwise all their cities. */
  facilitators: PersonSummary[];
  /** Maximum registered participants (facilitators do not count); null: unlimited. */
  capacity: number | null;
  registeredCount: number;
  /** Messages the room has numbered (its last `seq`), deleted ones (tombstones) included. */
  messageCount: number;
  viewer: {
    registered: boolean;
    /** The viewer is one of the facilitators (admins also facilitate every workshop). */
    facilitator: boolean;
    /** Set when a facilitator removed the viewer: they may not rejoin or register again. */
    removed: boolean;
  };
}

/**
 * A workshop's online meeting as one viewer may see it. `url` is set only for facilitators, and
 * for registered participants from `opensAt` (15 minutes before the start) until the workshop
 * ends; null otherwise, so the link never reaches anyone else.
 */
export interface WorkshopMeetingDto {
  provider: MeetingProvider;
  url: string | null;
  opensAt: string;
  /** The link's origin is in MEETING_EMBED_ORIGINS: open it embedded beside the chat. */
  embed: boolean;
}

export interface WorkshopDto extends WorkshopSummaryDto {
  /** Null when the workshop has no online meeting. */
  meeting: WorkshopMeetingDto | null;
  /** Markdown source and its sanitised HTML. */
  description: string;
  descriptionHtml: string;
  createdBy: UserSummary;
  locked: boolean;
  slowModeSeconds: number;
  lastSeq: number;
}

export interface CreateWorkshopRequest {
  title: string;
  description: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: CreatableWorkshopScope;
  /** Required when scope is `partnership`; the creator must be able to see its private spaces. */
  partnershipId?: string | null;
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
  /** Co-facilitators (users with the facilitator or admin platform role). */
  facilitatorIds?: string[];
  /** An https meeting link (Jitsi, BigBlueButton, Zoom, Teams…); null or absent: none. */
  meetingUrl?: string | null;
}

/** Facilitators edit a scheduled or live workshop; scope and partnership are fixed at creation. */
export type UpdateWorkshopRequest = Partial<
  Pick<
    CreateWorkshopRequest,
    'title' | 'description' | 'theme' | 'language' | 'startsAt' | 'endsAt' | 'capacity' | 'meetingUrl'
  >
>;

export interface WorkshopListQuery extends PageQuery {
  when?: WorkshopListWhen;
  theme?: Theme;
  partnershipId?: string;
  /** Only workshops the viewer registered for or facilitates. */
  mine?: boolean;
}

export interface AddFacilitatorRequest {
  userId: string;
}

/** GET /workshops/:id/messages: `beforeSeq` pages backwards, `afterSeq` forwards (exclusive). */
export interface WorkshopMessagesQuery {
  beforeSeq?: number;
  afterSeq?: number;
  limit?: number;
}

export interface WorkshopMessagesPage {
  messages: WorkshopMessageDto[];
  /** More messages exist before the first one returned (backwards) or after the last (forwards). */
  hasMore: boolean;
}

export interface WorkshopAuditEntryDto {
  id: string;
  action: WorkshopAuditAction;
  actor: UserSummary | null;
  targetUser: UserSummary | null;
  targetMessageSeq: number | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

// --- Room (socket.io namespace /workshops) ------------------------------------------------------

export interface WorkshopMessageDto {
  workshopId: string;
  /** Gap-free, strictly increasing per workshop, starting at 1. */
  seq: number;
  id: string;
  /** The sender's idempotency key, echoed so an optimistic message can be reconciled. */
  clientId: string;
  author: PersonSummary;
  /** The author's markdown source, unchanged; empty once deleted. */
  body: string;
  /** Sanitised HTML rendered from `body`; empty once deleted. */
  bodyHtml: string;
  createdAt: string;
  /** Set when a facilitator deleted it: shown as a tombstone. */
  deletedAt: string | null;
  pinned: boolean;
}

export type WorkshopRole = 'facilitator' | 'participant';

export interface PresenceEntry {
  /** With the member city they belong to, in a partnership's workshop. */
  user: PersonSummary;
  role: WorkshopRole;
}

export interface WorkshopRoomState {
  workshopId: string;
  status: WorkshopStatus;
  /** Read-only for non-facilitators. */
  locked: boolean;
  /** Minimum seconds between one participant's messages; 0: off. */
  slowModeSeconds: number;
  pinned: WorkshopMessageDto[];
  lastSeq: number;
  you: {
    role: WorkshopRole;
    /** While muted, sends are refused with MUTED. */
    mutedUntil: string | null;
  };
}

export interface WorkshopQuestionDto {
  id: string;
  workshopId: string;
  author: AuthorDto;
  body: string;
  bodyHtml: string;
  votes: number;
  status: QuestionStatus;
  createdAt: string;
  answeredAt: string | null;
}

export interface RaisedHandDto {
  user: AuthorDto;
  raisedAt: string;
}

export interface WorkshopReportDto {
  id: string;
  workshopId: string;
  message: WorkshopMessageDto;
  reporter: UserSummary;
  reason: string;
  createdAt: string;
}

export interface WorkshopJoinResult {
  /** After `afterSeq` (up to replayMax, oldest first), or the latest page when it is absent. */
  messages: WorkshopMessageDto[];
  /** Older messages exist before the first one returned. */
  hasMoreBefore: boolean;
  /** More messages exist after the last one returned (replay was capped): page forward. */
  hasMoreAfter: boolean;
  /**
   * On a rejoin (afterSeq given): messages up to afterSeq that are deleted now, so a client that was
   * away when a facilitator deleted one still shows its tombstone. Empty on a first join.
   */
  tombstones: { id: string; seq: number; deletedAt: string }[];
  presence: PresenceEntry[];
  state: WorkshopRoomState;
  /** Open and answered questions, most votes first. */
  questions: WorkshopQuestionDto[];
  /** Question ids the joining user has upvoted. */
  myVotes: string[];
  hands: RaisedHandDto[];
  /** Open reports; facilitators only (empty for participants). */
  reports: WorkshopReportDto[];
  /** Mutes still running (who, until when, ISO); facilitators only (empty for participants). */
  mutes: { userId: string; mutedUntil: string }[];
}

type WorkshopRef = { workshopId: string };

/** Events the client may send on /workshops. Every one takes an ack. */
export interface WorkshopClientEvents {
  'workshop.join': (payload: WorkshopRef & { afterSeq?: number }, ack: (res: Ack<WorkshopJoinResult>) => void) => void;
  'workshop.leave': (payload: WorkshopRef, ack: (res: Ack) => void) => void;
  'message.send': (
    payload: WorkshopRef & { clientId: string; body: string },
    ack: (res: Ack<{ message: WorkshopMessageDto }>) => void,
  ) => void;
  'history.before': (
    payload: WorkshopRef & { beforeSeq: number; limit?: number },
    ack: (res: Ack<{ messages: WorkshopMessageDto[]; hasMoreBefore: boolean }>) => void,
  ) => void;
  'typing.start': (payload: WorkshopRef, ack: (res: Ack) => void) => void;
  'message.report': (
    payload: WorkshopRef & { messageId: string; reason: string },
    ack: (res: Ack<{ reportId: string }>) => void,
  ) => void;
  'question.ask': (
    payload: WorkshopRef & { body: string },
    ack: (res: Ack<{ question: WorkshopQuestionDto }>) => void,
  ) => void;
  /** Upvote (once per participant) or withdraw the upvote. */
  'question.vote': (
    payload: WorkshopRef & { questionId: string; vote: boolean },
    ack: (res: Ack<{ question: WorkshopQuestionDto }>) => void,
  ) => void;
  'hand.raise': (payload: WorkshopRef, ack: (res: Ack<{ hands: RaisedHandDto[] }>) => void) => void;
  /** Lower your own hand; facilitators may pass `userId` to lower someone else's. */
  'hand.lower': (
    payload: WorkshopRef & { userId?: string },
    ack: (res: Ack<{ hands: RaisedHandDto[] }>) => void,
  ) => void;

  // Facilitators only (others get FORBIDDEN).
  'message.delete': (payload: WorkshopRef & { messageId: string }, ack: (res: Ack) => void) => void;
  'message.pin': (payload: WorkshopRef & { messageId: string; pinned: boolean }, ack: (res: Ack) => void) => void;
  /** `minutes: 0` lifts the mute. */
  'participant.mute': (payload: WorkshopRef & { userId: string; minutes: number }, ack: (res: Ack) => void) => void;
  /** Removes the participant from the room and bars them from rejoining this workshop. */
  'participant.remove': (payload: WorkshopRef & { userId: string; reason?: string }, ack: (res: Ack) => void) => void;
  'room.update': (
    payload: WorkshopRef & { locked?: boolean; slowModeSeconds?: number },
    ack: (res: Ack<{ state: WorkshopRoomState }>) => void,
  ) => void;
  'report.resolve': (payload: WorkshopRef & { reportId: string }, ack: (res: Ack) => void) => void;
  'question.status': (
    payload: WorkshopRef & { questionId: string; status: QuestionStatus },
    ack: (res: Ack<{ question: WorkshopQuestionDto }>) => void,
  ) => void;
  /** Takes the first raised hand off the queue and tells that participant. */
  'hand.callNext': (payload: WorkshopRef, ack: (res: Ack<{ called: RaisedHandDto | null }>) => void) => void;
}

/** Events the server sends to the sockets in a workshop room. */
export interface WorkshopServerEvents {
  'message.created': (message: WorkshopMessageDto) => void;
  /** A facilitator deleted a message: show a tombstone in its place. */
  'message.deleted': (payload: WorkshopRef & { id: string; seq: number; deletedAt: string; by: UserSummary }) => void;
  'message.pinned': (payload: WorkshopRef & { message: WorkshopMessageDto; pinned: boolean; by: UserSummary }) => void;
  'presence.joined': (payload: WorkshopRef & PresenceEntry) => void;
  'presence.left': (payload: WorkshopRef & { userId: string }) => void;
  typing: (payload: WorkshopRef & { user: AuthorDto }) => void;
  'participant.muted': (
    payload: WorkshopRef & { user: UserSummary; mutedUntil: string | null; by: UserSummary },
  ) => void;
  /** The participant was removed; their own sockets were taken out of the room. */
  'participant.removed': (payload: WorkshopRef & { user: UserSummary; by: UserSummary }) => void;
  'room.updated': (payload: WorkshopRef & { locked: boolean; slowModeSeconds: number; by: UserSummary }) => void;
  /** Opened or ended (also sent to sockets waiting on the workshop page). */
  'workshop.status': (payload: WorkshopRef & { status: WorkshopStatus; at: string }) => void;
  /** Facilitators only. */
  'report.created': (report: WorkshopReportDto) => void;
  'report.resolved': (payload: WorkshopRef & { reportId: string }) => void;
  'question.created': (question: WorkshopQuestionDto) => void;
  'question.updated': (question: WorkshopQuestionDto) => void;
  'hand.queue': (payload: WorkshopRef & { hands: RaisedHandDto[] }) => void;
  /** A facilitator called this participant to speak (everyone hears who was called). */
  'hand.called': (payload: WorkshopRef & { user: AuthorDto; by: UserSummary }) => void;
}
