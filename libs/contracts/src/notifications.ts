import type { UserSummary } from './auth';
import type { PageQuery } from './pagination';

type CityRef = { id: string; slug: string; name: string };
type PartnershipRef = { id: string; title: string };
type WorkshopRef = { id: string; title: string };
type VisitRef = { id: string; title: string };
type ThreadRef = { id: string; title: string; forumId: string };
type TrainingRequestRef = { id: string; title: string };
type CourseRef = { id: string; title: string };

/**
 * What a notification says, by kind. The web client renders the sentence in the reader's language
 * from these fields; the server never stores translated text.
 */
export interface NotificationPayloads {
  /** A city the reader coordinates was invited into a partnership (a proposal or a network invitation). */
  'partnership.invited': { actor: UserSummary; partnership: PartnershipRef; fromCity: CityRef; toCity: CityRef };
  'partnership.accepted': { actor: UserSummary; partnership: PartnershipRef; city: CityRef };
  'partnership.declined': { actor: UserSummary; partnership: PartnershipRef; city: CityRef };
  'partnership.withdrawn': { actor: UserSummary; partnership: PartnershipRef; city: CityRef };
  'partnership.concluded': { actor: UserSummary; partnership: PartnershipRef };
  'forum.reply': { actor: UserSummary; thread: ThreadRef; postId: string; seq: number; excerpt: string };
  'forum.mention': { actor: UserSummary; thread: ThreadRef; postId: string; seq: number; excerpt: string };
  'join_request.decided': { actor: UserSummary; city: CityRef; decision: 'approved' | 'rejected' };
  /** Someone asked to join a city the reader coordinates: the request waits for their decision. */
  'join_request.created': {
    actor: UserSummary;
    city: CityRef;
    requestId: string;
    /** The first ~300 characters of the applicant's message, plain text (absent before it was carried, or empty message). */
    message?: string;
  };
  /** A workshop the reader registered for (or co-facilitates) was opened: join now. */
  'workshop.live': { actor: UserSummary; workshop: WorkshopRef };
  /** The reader was made a co-facilitator of a workshop. */
  'workshop.facilitator_added': { actor: UserSummary; workshop: WorkshopRef; startsAt: string };
  /** A study visit of the reader's partnership opened for registration (dates null while its poll is open). */
  'visit.opened': {
    actor: UserSummary;
    visit: VisitRef;
    partnership: PartnershipRef;
    hostCity: CityRef;
    startDate: string | null;
    endDate: string | null;
  };
  /** The reader voted in a visit's date poll; the coordinator picked these dates (host's calendar, `timeZone`). */
  'visit.date_chosen': { actor: UserSummary; visit: VisitRef; startDate: string; endDate: string; timeZone: string };
  /**
   * The reader's registration when they register: `registered`, or `waitlisted` with the 1-based
   * `position`.
   */
  'visit.registration': { visit: VisitRef; status: 'registered' | 'waitlisted'; position: number | null };
  /** A freed place moved the reader from the waitlist onto the delegation. */
  'visit.promoted': { visit: VisitRef };
  /** The agenda of a confirmed visit the reader is registered for changed. */
  'visit.agenda_changed': {
    actor: UserSummary;
    visit: VisitRef;
    change: 'added' | 'updated' | 'removed';
    item: { id: string; title: string };
  };
  /** A visit the reader registered (or waits) for was cancelled. */
  'visit.cancelled': { actor: UserSummary; visit: VisitRef; reason: string };
  /** The requesters accepted the reader's training offer (the reader is one of its trainers). */
  'training.offer_accepted': { actor: UserSummary; request: TrainingRequestRef; offerId: string };
  /** The requesters accepted another offer: the reader's offer was declined. */
  'training.offer_declined': { actor: UserSummary; request: TrainingRequestRef; offerId: string };
  /**
   * A training the reader takes part in, trains or asked for was scheduled: `startsAt` is the first
   * session (live formats), `deadline` the course deadline (self paced).
   */
  'training.scheduled': {
    actor: UserSummary;
    request: TrainingRequestRef;
    startsAt: string | null;
    deadline: string | null;
  };
  /** A training the reader took part in was delivered: their evaluation is open until `closesAt`. */
  'training.evaluation_open': { request: TrainingRequestRef; closesAt: string };
  /** The reader completed a course (every lesson done, every quiz passed): their certificate was issued. */
  'course.completed': { course: CourseRef; certificate: { id: string; verificationCode: string } };
}

export type NotificationKind = keyof NotificationPayloads;

export const NOTIFICATION_KINDS = [
  'partnership.invited',
  'partnership.accepted',
  'partnership.declined',
  'partnership.withdrawn',
  'partnership.concluded',
  'forum.reply',
  'forum.mention',
  'join_request.decided',
  'join_request.created',
  'workshop.live',
  'workshop.facilitator_added',
  'visit.opened',
  'visit.date_chosen',
  'visit.registration',
  'visit.promoted',
  'visit.agenda_changed',
  'visit.cancelled',
  'training.offer_accepted',
  'training.offer_declined',
  'training.scheduled',
  'training.evaluation_open',
  'course.completed',
] as const satisfies readonly NotificationKind[];

export type NotificationDto = {
  [K in NotificationKind]: {
    id: string;
    kind: K;
    payload: NotificationPayloads[K];
    readAt: string | null;
    createdAt: string;
  };
}[NotificationKind];

export interface NotificationListQuery extends PageQuery {
  unread?: boolean;
}

export interface UnreadCountDto {
  count: number;
}

/** How a kind of notification reaches its reader by mail. */
export type NotificationDelivery = 'immediately' | 'daily' | 'weekly' | 'off';
export const NOTIFICATION_DELIVERIES = [
  'immediately',
  'daily',
  'weekly',
  'off',
] as const satisfies readonly NotificationDelivery[];

/**
 * Each kind's delivery when the reader has not chosen: what waits for their action or concerns them
 * personally goes out immediately, replies in watched threads in the daily digest, the rest weekly.
 */
export const NOTIFICATION_MAIL_DEFAULTS: Record<NotificationKind, NotificationDelivery> = {
  'partnership.invited': 'immediately',
  'partnership.accepted': 'weekly',
  'partnership.declined': 'weekly',
  'partnership.withdrawn': 'weekly',
  'partnership.concluded': 'weekly',
  'forum.reply': 'daily',
  'forum.mention': 'immediately',
  'join_request.decided': 'weekly',
  'join_request.created': 'immediately',
  'workshop.live': 'immediately',
  'workshop.facilitator_added': 'weekly',
  'visit.opened': 'weekly',
  'visit.date_chosen': 'immediately',
  'visit.registration': 'weekly',
  'visit.promoted': 'immediately',
  'visit.agenda_changed': 'weekly',
  'visit.cancelled': 'immediately',
  'training.offer_accepted': 'immediately',
  'training.offer_declined': 'weekly',
  'training.scheduled': 'immediately',
  'training.evaluation_open': 'immediately',
  'course.completed': 'immediately',
};

/** The areas the settings page groups kinds by. */
export type NotificationArea = 'partnerships' | 'cities' | 'forums' | 'visits' | 'workshops' | 'training';

/** Each kind's area, in the order the settings page shows them. */
export const NOTIFICATION_KIND_AREAS: Readonly<Record<NotificationKind, NotificationArea>> = {
  'partnership.invited': 'partnerships',
  'partnership.accepted': 'partnerships',
  'partnership.declined': 'partnerships',
  'partnership.withdrawn': 'partnerships',
  'partnership.concluded': 'partnerships',
  'join_request.created': 'cities',
  'join_request.decided': 'cities',
  'forum.mention': 'forums',
  'forum.reply': 'forums',
  'visit.opened': 'visits',
  'visit.date_chosen': 'visits',
  'visit.registration': 'visits',
  'visit.promoted': 'visits',
  'visit.agenda_changed': 'visits',
  'visit.cancelled': 'visits',
  'workshop.live': 'workshops',
  'workshop.facilitator_added': 'workshops',
  'training.offer_accepted': 'training',
  'training.offer_declined': 'training',
  'training.scheduled': 'training',
  'training.evaluation_open': 'training',
  'course.completed': 'training',
};

export const NOTIFICATION_AREAS: readonly NotificationArea[] = [
  'partnerships',
  'cities',
  'forums',
  'visits',
  'workshops',
  'training',
];

/** Kinds about a forum thread: their mail collapses per thread and threads in the reader's mail client. */
export const THREAD_NOTIFICATION_KINDS = [
  'forum.reply',
  'forum.mention',
] as const satisfies readonly NotificationKind[];

/** The reader's delivery of every kind, and whether it is their choice or the default. */
export interface NotificationSettingDto {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  isDefault: boolean;
}

/** `PUT /api/me/notification-settings`: the kinds whose delivery changes (others keep theirs). */
export interface UpdateNotificationSettingsRequest {
  settings: { kind: NotificationKind; delivery: NotificationDelivery }[];
}

/** The digest an unsubscribe link turns off: daily, weekly, or both (Monday's combined mail). */
export type UnsubscribeDigest = 'daily' | 'weekly' | 'combined';

/**
 * What an unsubscribe link turns off (`GET /api/unsubscribe?token=`, which changes nothing): one kind
 * (a notification mail's link), or a digest: every kind whose delivery is that digest's period.
 */
export type UnsubscribeInfoDto =
  | {
      kind: NotificationKind;
      /** The reader's current delivery of that kind. */
      delivery: NotificationDelivery;
    }
  | {
      digest: UnsubscribeDigest;
      /** The kinds that reach the reader in that digest now (their choice, else the default); empty when none. */
      kinds: NotificationKind[];
    };

/** `POST /api/unsubscribe?token=`: the kind, or the digest's kinds, are now off. */
export type UnsubscribeResultDto =
  | { kind: NotificationKind; delivery: 'off' }
  | { digest: UnsubscribeDigest; kinds: NotificationKind[]; delivery: 'off' };
