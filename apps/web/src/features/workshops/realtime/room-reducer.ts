import type { WorkshopRoomState } from '@twinning/contracts';
import { tombstone, updatePending, withMessages } from './room-messages';
import { TYPING_TTL_MS, type RoomAction, type RoomInfo, type RoomState, type ServerAction } from './room-state';

/**
 * The only way the room's state changes (room-state.ts has the state and its selectors): one action at a
 * time, returning the same state object when nothing changed, so that React skips the render.
 */

// --- Lists and room info --------------------------------------------------------------------------

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
        // The server's list of running mutes (facilitators): a reconnect or another tab sees them too.
        mutedUsers: Object.fromEntries((result.mutes ?? []).map((m) => [m.userId, m.mutedUntil])),
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
