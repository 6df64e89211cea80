import type {
  ApiError,
  AuthorDto,
  PresenceEntry,
  QuestionStatus,
  RaisedHandDto,
  UserSummary,
  WorkshopJoinResult,
  WorkshopMessageDto,
  WorkshopQuestionDto,
  WorkshopReportDto,
  WorkshopRole,
  WorkshopRoomState,
  WorkshopServerEvents,
  WorkshopStatus,
} from '@twinning/contracts';

/**
 * Everything the live room shows, as one immutable state changed only by `roomReducer` (room-reducer.ts;
 * the message list's rules are in room-messages.ts), and the selectors that read it. Messages are kept in
 * `seq` order without duplicates; the viewer's own messages wait in `pending` (keyed by their
 * `clientId`) until the server has stored them.
 */

/** How long a typing indicator lasts without a new `typing` event. */
export const TYPING_TTL_MS = 4_000;

/**
 * `connecting`: before the first join; `joined`: in the room and up to date; `reconnecting`: the
 * connection dropped (or is back but the rejoin has not answered yet); `closed`: the room will not be
 * joined again (removed, refused, signed out).
 */
export type ConnectionState = 'connecting' | 'joined' | 'reconnecting' | 'closed';

/** `queued`: waiting for the connection; `sending`: sent, no answer yet; `failed`: refused. */
export type PendingStatus = 'queued' | 'sending' | 'failed';

export interface PendingMessage {
  clientId: string;
  body: string;
  /** When it was written (ISO), for ordering and display. */
  createdAt: string;
  status: PendingStatus;
  /** Sends so far; an answer to an earlier attempt is ignored. */
  attempt: number;
  error: ApiError | null;
}

export interface RoomInfo {
  status: WorkshopStatus;
  locked: boolean;
  slowModeSeconds: number;
  role: WorkshopRole;
  /** The viewer's own mute (ISO), while muted. */
  mutedUntil: string | null;
}

export interface TypingEntry {
  user: AuthorDto;
  /** Epoch milliseconds after which the indicator disappears. */
  expiresAt: number;
}

export interface CallOnMe {
  by: UserSummary;
  at: number;
}

export interface RoomState {
  workshopId: string;
  viewerId: string;
  connection: ConnectionState;
  /** True once a join succeeded: later connects are rejoins. */
  everJoined: boolean;
  /** Why the room could not be joined (or was left for good). */
  joinError: ApiError | null;
  /** A facilitator removed the viewer from this workshop. */
  removed: boolean;
  messages: WorkshopMessageDto[];
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  pending: PendingMessage[];
  presence: PresenceEntry[];
  typing: TypingEntry[];
  pinned: WorkshopMessageDto[];
  room: RoomInfo | null;
  /** After a SLOW_MODE refusal: epoch milliseconds before which a send would be refused again. */
  slowModeUntil: number | null;
  /** Participants muted while the viewer was in the room (user id → until, ISO); for facilitators. */
  mutedUsers: Readonly<Record<string, string>>;
  questions: WorkshopQuestionDto[];
  myVotes: string[];
  hands: RaisedHandDto[];
  reports: WorkshopReportDto[];
  /** A facilitator called on the viewer; cleared when they dismiss the notice. */
  calledOnMe: CallOnMe | null;
  /** The last participant a facilitator called on (anyone). */
  lastCalled: AuthorDto | null;
}

type ServerEventName = keyof WorkshopServerEvents;
export type ServerPayload<E extends ServerEventName> = Parameters<WorkshopServerEvents[E]>[0];

/** One action per server event, with the time it arrived. */
export type ServerAction = {
  [E in ServerEventName]: { type: 'server'; event: E; payload: ServerPayload<E>; now: number };
}[ServerEventName];

export type RoomAction =
  | ServerAction
  | { type: 'disconnected' }
  | { type: 'joined'; result: WorkshopJoinResult }
  | { type: 'join.failed'; error: ApiError; final: boolean }
  | { type: 'closed'; error: ApiError | null }
  | { type: 'history.loading' }
  | { type: 'history.loaded'; messages: WorkshopMessageDto[]; hasMoreBefore: boolean }
  /** Messages fetched to fill a hole in the seqs held (one was stored but its broadcast never came). */
  | { type: 'gap.filled'; messages: WorkshopMessageDto[] }
  | { type: 'history.failed' }
  | { type: 'pending.add'; clientId: string; body: string; createdAt: string }
  | { type: 'pending.sending'; clientId: string }
  | { type: 'pending.retry'; clientId: string }
  | { type: 'pending.discard'; clientId: string }
  | { type: 'send.acked'; clientId: string; attempt: number; message: WorkshopMessageDto }
  | { type: 'send.failed'; clientId: string; attempt: number; error: ApiError; now: number }
  | { type: 'typing.expire'; now: number }
  | { type: 'question.upsert'; question: WorkshopQuestionDto }
  | { type: 'question.voted'; questionId: string; vote: boolean }
  | { type: 'hands'; hands: RaisedHandDto[] }
  | { type: 'room.state'; state: WorkshopRoomState }
  | { type: 'report.removed'; reportId: string }
  | { type: 'calledOnMe.dismiss' };

export function initialRoomState(workshopId: string, viewerId: string): RoomState {
  return {
    workshopId,
    viewerId,
    connection: 'connecting',
    everJoined: false,
    joinError: null,
    removed: false,
    messages: [],
    hasMoreBefore: false,
    loadingOlder: false,
    pending: [],
    presence: [],
    typing: [],
    pinned: [],
    room: null,
    slowModeUntil: null,
    mutedUsers: {},
    questions: [],
    myVotes: [],
    hands: [],
    reports: [],
    calledOnMe: null,
    lastCalled: null,
  };
}

// --- Selectors ------------------------------------------------------------------------------------

/** The highest seq held. */
export function lastSeqOf(state: RoomState): number | undefined {
  return state.messages[state.messages.length - 1]?.seq;
}

/**
 * The highest seq up to which nothing is missing (from the first one held): what a rejoin asks to
 * continue after, so a message whose broadcast never arrived (its instance died between storing and
 * sending it) is replayed too. Messages are kept sorted by seq.
 */
export function contiguousSeqOf(state: RoomState): number | undefined {
  const { messages } = state;
  let last = messages[0]?.seq;
  for (let i = 1; i < messages.length; i++) {
    const seq = messages[i]?.seq ?? 0;
    if (last !== undefined && seq !== last + 1) break;
    last = seq;
  }
  return last;
}

export function firstSeqOf(state: RoomState): number | undefined {
  return state.messages[0]?.seq;
}

export function isFacilitator(state: RoomState): boolean {
  return state.room?.role === 'facilitator';
}

/** Whole seconds left until `until` (ISO or epoch ms); 0 once it has passed. */
export function secondsUntil(until: string | number | null | undefined, now: number): number {
  if (until === null || until === undefined) return 0;
  const at = typeof until === 'number' ? until : Date.parse(until);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Seconds the viewer's mute still lasts (0: not muted). */
export function muteSecondsLeft(state: RoomState, now: number): number {
  return secondsUntil(state.room?.mutedUntil, now);
}

/** 75 → "01:15"; an hour or more → "1:02:05". Digits follow the language. */
export function formatCountdown(seconds: number, language = 'en'): string {
  const total = Math.max(0, Math.floor(seconds));
  const two = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false });
  const one = new Intl.NumberFormat(language, { useGrouping: false });
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  return hours > 0
    ? `${one.format(hours)}:${two.format(minutes)}:${two.format(secs)}`
    : `${two.format(minutes)}:${two.format(secs)}`;
}

type DurationFormatter = { format(duration: Record<string, number>): string };
type DurationFormatConstructor = new (locale: string, options: Record<string, string>) => DurationFormatter;

/**
 * A duration in words, in the reader's language: 298 → "4 min, 58 sec" (`short`), 3600 → "1 hour"
 * (`long`); zero units are left out. Intl.DurationFormat where the browser has it; otherwise each unit
 * through Intl.NumberFormat, joined by Intl.ListFormat.
 */
export function formatDuration(seconds: number, language = 'en', style: 'short' | 'long' = 'short'): string {
  const total = Math.max(0, Math.ceil(seconds));
  const parts = {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
  const shown = Object.fromEntries(Object.entries(parts).filter(([, value]) => value > 0));
  if (Object.keys(shown).length === 0) shown['seconds'] = 0;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    // zero units are left out, unless everything is zero ("0 sec")
    return new DurationFormat(language, total === 0 ? { style, secondsDisplay: 'always' } : { style }).format(shown);
  }
  const units: Record<string, string> = { hours: 'hour', minutes: 'minute', seconds: 'second' };
  const words = Object.entries(shown).map(([unit, value]) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: style }).format(value),
  );
  return new Intl.ListFormat(language, { type: 'unit', style: 'narrow' }).format(words);
}

/** Why the viewer cannot write now (null: they can). */
export type WriteBlock = 'ended' | 'notOpen' | 'removed' | 'locked' | 'muted' | 'closed';

export function writeBlock(state: RoomState, now: number): WriteBlock | null {
  if (state.removed) return 'removed';
  if (state.connection === 'closed') return 'closed';
  const room = state.room;
  if (!room) return null;
  if (room.status === 'ended') return 'ended';
  if (room.status === 'scheduled') return 'notOpen';
  if (room.locked && room.role !== 'facilitator') return 'locked';
  if (muteSecondsLeft(state, now) > 0) return 'muted';
  return null;
}

/** Open questions, most votes first (then oldest first). */
export function openQuestions(state: RoomState): WorkshopQuestionDto[] {
  return byStatus(state.questions, 'open');
}

export function answeredQuestions(state: RoomState): WorkshopQuestionDto[] {
  return byStatus(state.questions, 'answered');
}

function byStatus(questions: readonly WorkshopQuestionDto[], status: QuestionStatus): WorkshopQuestionDto[] {
  return questions
    .filter((q) => q.status === status)
    .sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
}

/** The viewer's place in the hand-raise queue (1 = next), or null when their hand is down. */
export function handPosition(state: RoomState): number | null {
  const index = state.hands.findIndex((hand) => hand.user.id === state.viewerId);
  return index === -1 ? null : index + 1;
}
