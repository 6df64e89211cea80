import type { WorkshopServerEvents } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import {
  ROOM_ID,
  ana,
  fatima,
  li,
  makeJoinResult,
  makeQuestion,
  makeRoomMessage,
  makeRoomState,
} from '../../../test/workshop-room-fixtures';
import {
  TYPING_TTL_MS,
  answeredQuestions,
  formatCountdown,
  formatDuration,
  handPosition,
  initialRoomState,
  lastSeqOf,
  muteSecondsLeft,
  openQuestions,
  writeBlock,
  type RoomAction,
  type RoomState,
  type ServerPayload,
} from './room-state';
import { mergeMessages } from './room-messages';
import { roomReducer } from './room-reducer';

const NOW = Date.parse('2026-03-10T14:10:00.000Z');

function server<E extends keyof WorkshopServerEvents>(event: E, payload: ServerPayload<E>, now = NOW): RoomAction {
  return { type: 'server', event, payload, now } as RoomAction;
}

function run(state: RoomState, ...actions: RoomAction[]): RoomState {
  return actions.reduce(roomReducer, state);
}

/** Ana's room after a first join that returned messages 1–3. */
function joinedRoom(overrides: Parameters<typeof makeJoinResult>[0] = {}): RoomState {
  return run(initialRoomState(ROOM_ID, ana.id), {
    type: 'joined',
    result: makeJoinResult({
      messages: [1, 2, 3].map((seq) => makeRoomMessage(seq)),
      hasMoreBefore: true,
      ...overrides,
    }),
  });
}

const seqs = (state: RoomState) => state.messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('keeps messages ordered by seq without doubling a seq or an id', () => {
    const merged = mergeMessages(
      [makeRoomMessage(2), makeRoomMessage(4)],
      [makeRoomMessage(3), makeRoomMessage(1), makeRoomMessage(4), makeRoomMessage(9, { id: 'message-2' })],
    );
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing changed (no needless renders)', () => {
    const existing = [makeRoomMessage(1), makeRoomMessage(2)];
    expect(mergeMessages(existing, [makeRoomMessage(2)])).toBe(existing);
    expect(mergeMessages(existing, [])).toBe(existing);
  });
});

describe('roomReducer: messages', () => {
  it('holds each message once whatever order the broadcasts arrive in', () => {
    const state = run(
      joinedRoom(),
      server('message.created', makeRoomMessage(5)),
      server('message.created', makeRoomMessage(4)),
      server('message.created', makeRoomMessage(5)),
      server('message.created', makeRoomMessage(3)),
    );
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeqOf(state)).toBe(5);
  });

  it('ignores events of another workshop', () => {
    const state = joinedRoom();
    const next = roomReducer(state, server('message.created', makeRoomMessage(4, { workshopId: 'other' })));
    expect(next).toBe(state);
  });

  it('reconciles an optimistic message when the ack comes before the broadcast', () => {
    let state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
    );
    expect(state.pending).toMatchObject([{ clientId: 'c-1', status: 'sending', attempt: 1 }]);
    const stored = makeRoomMessage(4, { author: ana, clientId: 'c-1', body: 'Hello' });
    state = run(state, { type: 'send.acked', clientId: 'c-1', attempt: 1, message: stored });
    expect(state.pending).toEqual([]);
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    state = run(state, server('message.created', stored));
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.pending).toEqual([]);
  });

  it('reconciles an optimistic message when the broadcast comes before the ack', () => {
    let state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
    );
    const stored = makeRoomMessage(4, { author: ana, clientId: 'c-1', body: 'Hello' });
    state = run(state, server('message.created', stored));
    expect(state.pending).toEqual([]);
    state = run(state, { type: 'send.acked', clientId: 'c-1', attempt: 1, message: stored });
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.pending).toEqual([]);
  });

  it("does not take another author's message with the same clientId for the viewer's own", () => {
    const state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      server('message.created', makeRoomMessage(4, { author: li, clientId: 'c-1' })),
    );
    expect(state.pending.map((p) => p.clientId)).toEqual(['c-1']);
  });

  it('merges a rejoin replay with what it held, and queues what was on its way for sending again', () => {
    let state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Still there?', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
      { type: 'disconnected' },
    );
    expect(state.connection).toBe('reconnecting');
    expect(state.pending).toMatchObject([{ clientId: 'c-1', status: 'queued' }]);

    state = run(state, {
      type: 'joined',
      result: makeJoinResult({
        messages: [makeRoomMessage(3), makeRoomMessage(4), makeRoomMessage(5)],
        hasMoreBefore: false,
      }),
    });
    expect(state.connection).toBe('joined');
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    // Older history is still where it was: the replay only continued after the last message held.
    expect(state.hasMoreBefore).toBe(true);
    expect(state.pending).toMatchObject([{ clientId: 'c-1', status: 'queued' }]);
  });

  it('settles a pending message that the replay shows was stored before the connection dropped', () => {
    const state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hi', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
      { type: 'disconnected' },
      {
        type: 'joined',
        result: makeJoinResult({ messages: [makeRoomMessage(4, { author: ana, clientId: 'c-1', body: 'Hi' })] }),
      },
    );
    expect(state.pending).toEqual([]);
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
  });

  it('replaces a deleted message with a tombstone that a late copy does not bring back', () => {
    const pinned = makeRoomMessage(2, { pinned: true });
    let state = joinedRoom({
      messages: [makeRoomMessage(1), pinned, makeRoomMessage(3)],
      state: makeRoomState({ pinned: [pinned] }),
    });
    state = run(
      state,
      server('message.deleted', {
        workshopId: ROOM_ID,
        id: 'message-2',
        seq: 2,
        deletedAt: '2026-03-10T14:09:30.000Z',
        by: fatima,
      }),
    );
    expect(state.messages[1]).toMatchObject({ seq: 2, body: '', bodyHtml: '', pinned: false });
    expect(state.messages[1]?.deletedAt).toBe('2026-03-10T14:09:30.000Z');
    expect(state.pinned).toEqual([]);

    state = run(state, server('message.created', makeRoomMessage(2)));
    expect(state.messages[1]?.deletedAt).toBe('2026-03-10T14:09:30.000Z');
    expect(state.messages[1]?.body).toBe('');
  });

  it('shows a tombstone for a message deleted while the viewer was away', () => {
    const state = run(
      joinedRoom(),
      { type: 'disconnected' },
      {
        type: 'joined',
        result: makeJoinResult({
          messages: [makeRoomMessage(4)],
          tombstones: [{ id: 'message-2', seq: 2, deletedAt: '2026-03-10T14:09:40.000Z' }],
        }),
      },
    );
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.messages[1]).toMatchObject({ seq: 2, body: '', bodyHtml: '', deletedAt: '2026-03-10T14:09:40.000Z' });
    expect(state.messages[0]?.deletedAt).toBeNull();
  });

  it('pins and unpins', () => {
    let state = run(
      joinedRoom(),
      server('message.pinned', { workshopId: ROOM_ID, message: makeRoomMessage(3), pinned: true, by: fatima }),
    );
    expect(state.pinned.map((m) => m.seq)).toEqual([3]);
    expect(state.messages[2]?.pinned).toBe(true);
    state = run(
      state,
      server('message.pinned', { workshopId: ROOM_ID, message: makeRoomMessage(3), pinned: false, by: fatima }),
    );
    expect(state.pinned).toEqual([]);
    expect(state.messages[2]?.pinned).toBe(false);
  });

  it('prepends older history and records whether there is more', () => {
    const state = run(joinedRoom(), { type: 'history.loading' }, {
      type: 'history.loaded',
      messages: [makeRoomMessage(0, { id: 'message-0' })],
      hasMoreBefore: false,
    } as RoomAction);
    expect(seqs(state)).toEqual([0, 1, 2, 3]);
    expect(state.hasMoreBefore).toBe(false);
    expect(state.loadingOlder).toBe(false);
  });
});

describe('roomReducer: mute, slow mode and refusals', () => {
  it('counts a mute down and lets the viewer write again when it is over', () => {
    const mutedUntil = new Date(NOW + 90_000).toISOString();
    const state = run(
      joinedRoom(),
      server('participant.muted', { workshopId: ROOM_ID, user: ana, mutedUntil, by: fatima }),
    );
    expect(state.room?.mutedUntil).toBe(mutedUntil);
    expect(muteSecondsLeft(state, NOW)).toBe(90);
    expect(formatCountdown(muteSecondsLeft(state, NOW))).toBe('01:30');
    expect(muteSecondsLeft(state, NOW + 60_500)).toBe(30);
    expect(formatCountdown(muteSecondsLeft(state, NOW + 60_500))).toBe('00:30');
    expect(writeBlock(state, NOW)).toBe('muted');
    expect(writeBlock(state, NOW + 90_000)).toBeNull();
    expect(formatCountdown(3_725)).toBe('1:02:05');
  });

  it('says a duration in words in each language, leaving out zero units', () => {
    expect(formatDuration(298, 'en')).toBe('4 min, 58 sec');
    expect(formatDuration(298, 'fr')).toMatch(/^4\smin et 58\ss$/);
    expect(formatDuration(300, 'es')).toBe('5 min');
    expect(formatDuration(3_600, 'en', 'long')).toBe('1 hour');
    expect(formatDuration(15 * 60, 'ar', 'long')).toMatch(/دقيقة/);
    expect(formatDuration(0.4, 'en')).toBe('1 sec');
    expect(formatDuration(0, 'en')).toBe('0 sec');
  });

  it('lists the running mutes a facilitator receives on joining', () => {
    const until = new Date(NOW + 60_000).toISOString();
    const state = joinedRoom({ mutes: [{ userId: 'someone', mutedUntil: until }] });
    expect(state.mutedUsers).toEqual({ someone: until });
  });

  it("records other participants' mutes for facilitators, not as the viewer's own", () => {
    const until = new Date(NOW + 60_000).toISOString();
    let state = run(
      joinedRoom(),
      server('participant.muted', { workshopId: ROOM_ID, user: li, mutedUntil: until, by: fatima }),
    );
    expect(state.room?.mutedUntil).toBeNull();
    expect(state.mutedUsers).toEqual({ [li.id]: until });
    state = run(state, server('participant.muted', { workshopId: ROOM_ID, user: li, mutedUntil: null, by: fatima }));
    expect(state.mutedUsers).toEqual({});
  });

  it('marks a message refused with MUTED as failed and starts the countdown from retryAfterSeconds', () => {
    const state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
      {
        type: 'send.failed',
        clientId: 'c-1',
        attempt: 1,
        error: { code: 'MUTED', message: 'Muted', retryAfterSeconds: 300 },
        now: NOW,
      },
    );
    expect(state.pending).toMatchObject([{ clientId: 'c-1', status: 'failed', error: { code: 'MUTED' } }]);
    expect(muteSecondsLeft(state, NOW)).toBe(300);
    expect(writeBlock(state, NOW)).toBe('muted');
  });

  it('ignores the refusal of an earlier attempt', () => {
    const state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
      { type: 'disconnected' },
      { type: 'pending.sending', clientId: 'c-1' },
      { type: 'send.failed', clientId: 'c-1', attempt: 1, error: { code: 'RATE_LIMITED', message: 'x' }, now: NOW },
    );
    expect(state.pending).toMatchObject([{ status: 'sending', attempt: 2, error: null }]);
  });

  it('remembers a SLOW_MODE wait', () => {
    const state = run(
      joinedRoom(),
      { type: 'pending.add', clientId: 'c-1', body: 'Hello', createdAt: '2026-03-10T14:09:00.000Z' },
      { type: 'pending.sending', clientId: 'c-1' },
      {
        type: 'send.failed',
        clientId: 'c-1',
        attempt: 1,
        error: { code: 'SLOW_MODE', message: 'Slow', retryAfterSeconds: 12 },
        now: NOW,
      },
    );
    expect(state.slowModeUntil).toBe(NOW + 12_000);
  });

  it('blocks non-facilitators in a locked room and everyone once it ended', () => {
    let state = run(
      joinedRoom(),
      server('room.updated', { workshopId: ROOM_ID, locked: true, slowModeSeconds: 10, by: fatima }),
    );
    expect(writeBlock(state, NOW)).toBe('locked');
    expect(state.room?.slowModeSeconds).toBe(10);
    state = run(
      state,
      server('workshop.status', { workshopId: ROOM_ID, status: 'ended', at: '2026-03-10T15:00:00.000Z' }),
    );
    expect(writeBlock(state, NOW)).toBe('ended');
    const facilitator = joinedRoom({
      state: makeRoomState({ locked: true, you: { role: 'facilitator', mutedUntil: null } }),
    });
    expect(writeBlock(facilitator, NOW)).toBeNull();
  });

  it('closes the room for good when the viewer is removed', () => {
    const state = run(joinedRoom(), server('participant.removed', { workshopId: ROOM_ID, user: ana, by: fatima }));
    expect(state.removed).toBe(true);
    expect(state.connection).toBe('closed');
    expect(writeBlock(state, NOW)).toBe('removed');
    // Nothing more is taken in, and a later disconnect does not turn it into "reconnecting".
    expect(roomReducer(state, server('message.created', makeRoomMessage(9)))).toBe(state);
    expect(roomReducer(state, { type: 'disconnected' }).connection).toBe('closed');
  });
});

describe('roomReducer: presence, typing, Q&A and hands', () => {
  it('lets typing indicators expire and clears the author’s when their message arrives', () => {
    let state = run(
      joinedRoom(),
      server('typing', { workshopId: ROOM_ID, user: li }, NOW),
      server('typing', { workshopId: ROOM_ID, user: ana }, NOW), // The viewer's own: not shown.
    );
    expect(state.typing.map((entry) => entry.user.id)).toEqual([li.id]);
    expect(run(state, { type: 'typing.expire', now: NOW + TYPING_TTL_MS - 1 }).typing).toHaveLength(1);
    expect(run(state, { type: 'typing.expire', now: NOW + TYPING_TTL_MS }).typing).toHaveLength(0);
    state = run(state, server('message.created', makeRoomMessage(4, { author: li })));
    expect(state.typing).toEqual([]);
  });

  it('follows presence joins and leaves', () => {
    const state = run(
      joinedRoom(),
      server('presence.left', { workshopId: ROOM_ID, userId: li.id }),
      server('presence.joined', { workshopId: ROOM_ID, user: li, role: 'participant' }),
      server('presence.joined', { workshopId: ROOM_ID, user: li, role: 'participant' }),
    );
    expect(state.presence.filter((entry) => entry.user.id === li.id)).toHaveLength(1);
    expect(run(state, server('presence.left', { workshopId: ROOM_ID, userId: li.id })).presence).toHaveLength(2);
  });

  it('sorts open questions by votes and lists answered ones apart', () => {
    const state = run(
      joinedRoom({
        questions: [
          makeQuestion('q1', { votes: 1 }),
          makeQuestion('q2', { votes: 5 }),
          makeQuestion('q3', { votes: 2 }),
        ],
      }),
      server('question.updated', makeQuestion('q3', { votes: 7 })),
      server('question.updated', makeQuestion('q1', { status: 'answered', votes: 1 })),
      server('question.created', makeQuestion('q4')),
    );
    expect(openQuestions(state).map((q) => q.id)).toEqual(['q3', 'q2', 'q4']);
    expect(answeredQuestions(state).map((q) => q.id)).toEqual(['q1']);
  });

  it('toggles the viewer’s votes', () => {
    let state = run(joinedRoom(), { type: 'question.voted', questionId: 'q1', vote: true });
    expect(state.myVotes).toEqual(['q1']);
    expect(run(state, { type: 'question.voted', questionId: 'q1', vote: true }).myVotes).toEqual(['q1']);
    state = run(state, { type: 'question.voted', questionId: 'q1', vote: false });
    expect(state.myVotes).toEqual([]);
  });

  it('knows the viewer’s place in the hand queue and when they are called on', () => {
    let state = run(
      joinedRoom(),
      server('hand.queue', {
        workshopId: ROOM_ID,
        hands: [
          { user: li, raisedAt: '2026-03-10T14:01:00.000Z' },
          { user: ana, raisedAt: '2026-03-10T14:02:00.000Z' },
        ],
      }),
    );
    expect(handPosition(state)).toBe(2);
    state = run(state, server('hand.called', { workshopId: ROOM_ID, user: li, by: fatima }));
    expect(handPosition(state)).toBe(1);
    expect(state.lastCalled).toEqual(li);
    expect(state.calledOnMe).toBeNull();
    state = run(state, server('hand.called', { workshopId: ROOM_ID, user: ana, by: fatima }));
    expect(state.calledOnMe).toEqual({ by: fatima, at: NOW });
    expect(handPosition(state)).toBeNull();
    expect(run(state, { type: 'calledOnMe.dismiss' }).calledOnMe).toBeNull();
  });
});
