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
 * Everything the live room shows, as one immutable state changed only by `roomReducer`. Messages are
 * kept in `seq` order without duplicates (by `seq` and by `id`), whatever order the join replay, the
 * acknowledgements and the broadcasts arrive in; the viewer's own messages wait in `pending` (keyed by
 * their `clientId`) until the server has stored them.
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

// --- Messages -----------------------------------------------------------------------------------

function sameMessage(a: WorkshopMessageDto, b: WorkshopMessageDto): boolean {
  return (
    a.id === b.id &&
    a.seq === b.seq &&
    a.deletedAt === b.deletedAt &&
    a.pinned === b.pinned &&
    a.bodyHtml === b.bodyHtml &&
    a.body === b.body
  );
}

/** The newer copy of a message we hold, except that a tombstone is final (a late copy must not revive it). */
function mergeOne(current: WorkshopMessageDto, next: WorkshopMessageDto): WorkshopMessageDto {
  if (current.id !== next.id) return current; // Not the same message: keep the one we had.
  if (current.deletedAt && !next.deletedAt) return current;
  return sameMessage(current, next) ? current : next;
}

/**
 * Adds `incoming` to `existing` (sorted by seq): a seq already held is updated, never doubled, and a
 * message id already held under another seq is ignored. Returns `existing` itself when nothing changed.
 */
export function mergeMessages(
  existing: readonly WorkshopMessageDto[],
  incoming: readonly WorkshopMessageDto[],
): WorkshopMessageDto[] {
  if (incoming.length === 0) return existing as WorkshopMessageDto[];
  const bySeq = new Map<number, WorkshopMessageDto>();
  const ids = new Set<string>();
  for (const message of existing) {
    bySeq.set(message.seq, message);
    ids.add(message.id);
  }
  let changed = false;
  for (const message of incoming) {
    const current = bySeq.get(message.seq);
    if (current) {
      const merged = mergeOne(current, message);
      if (merged !== current) {
        bySeq.set(message.seq, merged);
        changed = true;
      }
      continue;
    }
    if (ids.has(message.id)) continue;
    bySeq.set(message.seq, message);
    ids.add(message.id);
    changed = true;
  }
  if (!changed) return existing as WorkshopMessageDto[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Drops the viewer's pending messages that the server has now stored (matched by clientId). */
function settlePending(
  pending: PendingMessage[],
  stored: readonly WorkshopMessageDto[],
  viewerId: string,
): PendingMessage[] {
  if (pending.length === 0) return pending;
  const mine = new Set(stored.filter((m) => m.author.id === viewerId).map((m) => m.clientId));
  if (mine.size === 0) return pending;
  const left = pending.filter((p) => !mine.has(p.clientId));
  return left.length === pending.length ? pending : left;
}

function withMessages(state: RoomState, incoming: readonly WorkshopMessageDto[]): RoomState {
  const messages = mergeMessages(state.messages, incoming);
  const pending = settlePending(state.pending, incoming, state.viewerId);
  if (messages === state.messages && pending === state.pending) return state;
  return { ...state, messages, pending };
}

function updatePending(state: RoomState, clientId: string, update: (p: PendingMessage) => PendingMessage): RoomState {
  let found = false;
  const pending = state.pending.map((p) => {
    if (p.clientId !== clientId) return p;
    found = true;
    return update(p);
  });
  return found ? { ...state, pending } : state;
}

function tombstone(message: WorkshopMessageDto, deletedAt: string): WorkshopMessageDto {
  return { ...message, body: '', bodyHtml: '', deletedAt, pinned: false };
}

// --- Other lists ----------------------------------------------------------------------------------

function upsertById<T extends { id: string }>(list: T[], item: T): T[] {
  const index = list.findIndex((entry) => entry.id === item.id);
  if (index === -1) return [...list, item];
  const next = [...list];
  next[index] = item;
  return next;
}

function withoutUser<T extends { user: { id: string } }>(list: T[], userId: string): T[] {
  const next = list.filter((entry) => entry.user.id !== userId);
  return next.length === list.length ? list : next;
}

function withRoom(state: RoomState, update: Partial<RoomInfo>): RoomState {
  if (!state.room) return state;
  return { ...state, room: { ...state.room, ...update } };
}

function roomInfoOf(roomState: WorkshopRoomState): RoomInfo {
  return {
    status: roomState.status,
    locked: roomState.locked,
    slowModeSeconds: roomState.slowModeSeconds,
    role: roomState.you.role,
    mutedUntil: roomState.you.mutedUntil,
  };
}

// --- Reducer --------------------------------------------------------------------------------------

function reduceServer(state: RoomState, action: ServerAction): RoomState {
  switch (action.event) {
    case 'message.created': {
      const message = action.payload;
      const next = withMessages(state, [message]);
      // The author has finished typing.
      const typing = withoutUser(next.typing, message.author.id);
      return typing === next.typing ? next : { ...next, typing };
    }
    case 'message.deleted': {
      const { id, seq, deletedAt } = action.payload;
      const messages = state.messages.map((m) => (m.seq === seq && m.id === id ? tombstone(m, deletedAt) : m));
      const pinned = state.pinned.filter((m) => m.id !== id);
      return { ...state, messages, pinned };
    }
    case 'message.pinned': {
      const { message, pinned } = action.payload;
      const updated = { ...message, pinned };
      const messages = state.messages.map((m) => (m.id === message.id ? { ...m, pinned } : m));
      const others = state.pinned.filter((m) => m.id !== message.id);
      const list = pinned ? [...others, updated].sort((a, b) => a.seq - b.seq) : others;
      return { ...state, messages, pinned: list };
    }
    case 'presence.joined': {
      const { user, role } = action.payload;
      const presence = [...withoutUser(state.presence, user.id), { user, role }];
      return { ...state, presence };
    }
    case 'presence.left': {
      const userId = action.payload.userId;
      return { ...state, presence: withoutUser(state.presence, userId), typing: withoutUser(state.typing, userId) };
    }
    case 'typing': {
      const { user } = action.payload;
      if (user.id === state.viewerId) return state;
      const typing = [...withoutUser(state.typing, user.id), { user, expiresAt: action.now + TYPING_TTL_MS }];
      return { ...state, typing };
    }
    case 'participant.muted': {
      const { user, mutedUntil } = action.payload;
      const mutedUsers = { ...state.mutedUsers };
      if (mutedUntil) mutedUsers[user.id] = mutedUntil;
      else delete mutedUsers[user.id];
      const next = { ...state, mutedUsers };
      return user.id === state.viewerId ? withRoom(next, { mutedUntil }) : next;
    }
    case 'participant.removed': {
      const userId = action.payload.user.id;
      if (userId === state.viewerId) {
        return { ...state, removed: true, connection: 'closed', typing: [], calledOnMe: null };
      }
      return {
        ...state,
        presence: withoutUser(state.presence, userId),
        hands: withoutUser(state.hands, userId),
        typing: withoutUser(state.typing, userId),
      };
    }
    case 'room.updated': {
      const { locked, slowModeSeconds } = action.payload;
      return withRoom(state, { locked, slowModeSeconds });
    }
    case 'workshop.status': {
      const next = withRoom(state, { status: action.payload.status });
      return action.payload.status === 'ended' ? { ...next, typing: [], hands: [] } : next;
    }
    case 'report.created': {
      const report = action.payload;
      if (state.reports.some((r) => r.id === report.id)) return state;
      return { ...state, reports: [...state.reports, report] };
    }
    case 'report.resolved':
      return { ...state, reports: state.reports.filter((r) => r.id !== action.payload.reportId) };
    case 'question.created':
    case 'question.updated':
      return { ...state, questions: upsertById(state.questions, action.payload) };
    case 'hand.queue':
      return { ...state, hands: action.payload.hands };
    case 'hand.called': {
      const { user, by } = action.payload;
      const hands = withoutUser(state.hands, user.id);
      const calledOnMe = user.id === state.viewerId ? { by, at: action.now } : state.calledOnMe;
      return { ...state, hands, lastCalled: user, calledOnMe };
    }
  }
}

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'server': {
      const payload = action.payload as { workshopId?: string };
      if (payload.workshopId !== state.workshopId) return state;
      if (state.removed) return state;
      return reduceServer(state, action);
    }
    case 'disconnected': {
      if (state.connection === 'closed') return state;
      // Whatever was on its way gets no answer now: it is sent again (same clientId) after the rejoin.
      const pending = state.pending.map((p) => (p.status === 'sending' ? { ...p, status: 'queued' as const } : p));
      return {
        ...state,
        connection: state.everJoined ? 'reconnecting' : 'connecting',
        pending,
        typing: [],
        loadingOlder: false,
      };
    }
    case 'joined': {
      const { result } = action;
      const deleted = new Map(result.tombstones.map((t) => [t.id, t.deletedAt]));
      const held =
        deleted.size === 0
          ? state
          : {
              ...state,
              messages: state.messages.map((m) => {
                const deletedAt = deleted.get(m.id);
                return deletedAt && m.deletedAt === null ? tombstone(m, deletedAt) : m;
              }),
            };
      const next = withMessages(held, result.messages);
      return {
        ...next,
        connection: 'joined',
        everJoined: true,
        joinError: null,
        // A rejoin replays what came after the last message held; older pages are still where they were.
        hasMoreBefore: state.everJoined && state.messages.length > 0 ? state.hasMoreBefore : result.hasMoreBefore,
        presence: result.presence,
        pinned: result.state.pinned,
        room: roomInfoOf(result.state),
        questions: result.questions,
        myVotes: result.myVotes,
        hands: result.hands,
        reports: result.reports,
      };
    }
    case 'join.failed':
      return {
        ...state,
        joinError: action.error,
        connection: action.final ? 'closed' : state.connection,
        removed: state.removed || action.error.code === 'REMOVED',
      };
    case 'closed':
      return { ...state, connection: 'closed', joinError: action.error ?? state.joinError, typing: [] };
    case 'history.loading':
      return { ...state, loadingOlder: true };
    case 'history.loaded': {
      const next = withMessages(state, action.messages);
      return { ...next, loadingOlder: false, hasMoreBefore: action.hasMoreBefore };
    }
    case 'history.failed':
      return { ...state, loadingOlder: false };
    case 'gap.filled':
      return withMessages(state, action.messages);
    case 'pending.add':
      if (state.pending.some((p) => p.clientId === action.clientId)) return state;
      return {
        ...state,
        pending: [
          ...state.pending,
          {
            clientId: action.clientId,
            body: action.body,
            createdAt: action.createdAt,
            status: 'queued',
            attempt: 0,
            error: null,
          },
        ],
      };
    case 'pending.sending':
      return updatePending(state, action.clientId, (p) => ({
        ...p,
        status: 'sending',
        attempt: p.attempt + 1,
        error: null,
      }));
    case 'pending.retry':
      return updatePending(state, action.clientId, (p) => ({ ...p, status: 'queued', error: null }));
    case 'pending.discard':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
    case 'send.acked': {
      const next = withMessages(state, [action.message]);
      // Acknowledged under another attempt or matched already: make sure it is not left pending.
      const pending = next.pending.filter((p) => p.clientId !== action.clientId);
      return pending.length === next.pending.length ? next : { ...next, pending };
    }
    case 'send.failed': {
      const current = state.pending.find((p) => p.clientId === action.clientId);
      if (!current || current.attempt !== action.attempt || current.status !== 'sending') return state;
      let next = updatePending(state, action.clientId, (p) => ({ ...p, status: 'failed', error: action.error }));
      const retryAfter = action.error.retryAfterSeconds;
      if (action.error.code === 'MUTED') {
        const until =
          retryAfter !== undefined ? new Date(action.now + retryAfter * 1000).toISOString() : state.room?.mutedUntil;
        next = withRoom(next, { mutedUntil: until ?? null });
      } else if (action.error.code === 'SLOW_MODE' && retryAfter !== undefined) {
        next = { ...next, slowModeUntil: action.now + retryAfter * 1000 };
      } else if (action.error.code === 'ROOM_LOCKED') {
        next = withRoom(next, { locked: true });
      }
      return next;
    }
    case 'typing.expire': {
      const typing = state.typing.filter((entry) => entry.expiresAt > action.now);
      return typing.length === state.typing.length ? state : { ...state, typing };
    }
    case 'question.upsert':
      return { ...state, questions: upsertById(state.questions, action.question) };
    case 'question.voted': {
      const has = state.myVotes.includes(action.questionId);
      if (has === action.vote) return state;
      const myVotes = action.vote
        ? [...state.myVotes, action.questionId]
        : state.myVotes.filter((id) => id !== action.questionId);
      return { ...state, myVotes };
    }
    case 'hands':
      return { ...state, hands: action.hands };
    case 'room.state':
      return { ...state, room: roomInfoOf(action.state), pinned: action.state.pinned };
    case 'report.removed':
      return { ...state, reports: state.reports.filter((r) => r.id !== action.reportId) };
    case 'calledOnMe.dismiss':
      return state.calledOnMe ? { ...state, calledOnMe: null } : state;
  }
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
