import { CLIENT_ID_PATTERN, type WorkshopJoinResult } from '@twinning/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../../../lib/api-client';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { fakeSocketSettings, socketFor, type FakeSocket } from '../../../test/fake-socket';
import { jsonResponse, stubFetch } from '../../../test/test-utils';
import { ROOM_ID, ana, fatima, li, makeJoinResult, makeRoomMessage } from '../../../test/workshop-room-fixtures';
import { OFFLINE_ERROR, RoomConnection } from './room-connection';
import { createRoomStore, type RoomStore } from './room-store';

let store: RoomStore;
let connection: RoomConnection;

/** Answers every join like the server: what comes after `afterSeq` in `history` (all of it without). */
function serveJoins(socket: FakeSocket, history: () => ReturnType<typeof makeRoomMessage>[], cap = 1000) {
  socket.respond('workshop.join', (payload) => {
    const { afterSeq } = payload as { afterSeq?: number };
    const after = history().filter((m) => afterSeq === undefined || m.seq > afterSeq);
    const messages = after.slice(0, cap);
    return { ok: true, ...makeJoinResult({ messages, hasMoreAfter: after.length > cap }) } satisfies {
      ok: true;
    } & WorkshopJoinResult;
  });
}

function start(): FakeSocket {
  connection.start();
  return socketFor('/workshops');
}

beforeEach(() => {
  fakeSocketSettings.autoConnect = false;
  setAccessToken('token-1');
  store = createRoomStore(ROOM_ID, ana.id);
  connection = new RoomConnection(store);
});

afterEach(() => connection.stop());

describe('RoomConnection', () => {
  it('opens its own socket to /workshops with the access token, and joins without afterSeq the first time', () => {
    const socket = start();
    expect(socket.options).toMatchObject({ path: '/socket.io', autoConnect: false });
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);
    serveJoins(socket, () => [1, 2, 3].map((seq) => makeRoomMessage(seq)));
    socket.serverAccept();
    expect(socket.sent('workshop.join')).toEqual([{ workshopId: ROOM_ID }]);
    expect(store.getState().connection).toBe('joined');
    expect(store.getState().messages).toHaveLength(3);
  });

  it('rejoins after a dropped connection with the last seq it holds, with the token of that moment', () => {
    const history = [1, 2, 3].map((seq) => makeRoomMessage(seq));
    const socket = start();
    serveJoins(socket, () => history);
    socket.serverAccept();

    socket.dropConnection();
    expect(store.getState().connection).toBe('reconnecting');
    history.push(makeRoomMessage(4), makeRoomMessage(5));
    setAccessToken('token-2');
    socket.connect(); // socket.io reconnecting by itself
    socket.serverAccept();

    expect(socket.sent('workshop.join')).toEqual([{ workshopId: ROOM_ID }, { workshopId: ROOM_ID, afterSeq: 3 }]);
    expect(socket.handshakes.at(-1)).toMatchObject({ token: 'token-2' });
    expect(store.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(store.getState().connection).toBe('joined');
  });

  it('rejoins after the last seq held without a hole, so a message whose broadcast never came is replayed', () => {
    const history = [1, 2, 3].map((seq) => makeRoomMessage(seq));
    const socket = start();
    serveJoins(socket, () => history);
    socket.serverAccept();
    // 4 was stored but its instance died before broadcasting it; 5 arrived through another instance
    history.push(makeRoomMessage(4), makeRoomMessage(5));
    socket.serverEmit('message.created', makeRoomMessage(5));
    socket.dropConnection();
    socket.connect();
    socket.serverAccept();
    expect(socket.sent('workshop.join').at(-1)).toEqual({ workshopId: ROOM_ID, afterSeq: 3 });
    expect(store.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fetches a hole in the seqs that outlasts a moment, while connected', async () => {
    vi.useFakeTimers();
    try {
      const history = [1, 2].map((seq) => makeRoomMessage(seq));
      const socket = start();
      serveJoins(socket, () => history);
      socket.respond('history.before', (payload) => {
        const { beforeSeq, limit } = payload as { beforeSeq: number; limit: number };
        const messages = [3, 4]
          .map((seq) => makeRoomMessage(seq))
          .filter((m) => m.seq < beforeSeq)
          .slice(-limit);
        return { ok: true, messages, hasMoreBefore: true };
      });
      socket.serverAccept();
      socket.serverEmit('message.created', makeRoomMessage(5));
      expect(socket.sent('history.before')).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(socket.sent('history.before')).toEqual([{ workshopId: ROOM_ID, beforeSeq: 5, limit: 2 }]);
      expect(store.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('pages forward while the replay was capped', () => {
    const history = [1, 2, 3, 4, 5, 6, 7].map((seq) => makeRoomMessage(seq));
    const socket = start();
    serveJoins(socket, () => history, 3);
    socket.serverAccept();
    expect(socket.sent('workshop.join')).toEqual([
      { workshopId: ROOM_ID },
      { workshopId: ROOM_ID, afterSeq: 3 },
      { workshopId: ROOM_ID, afterSeq: 6 },
    ]);
    expect(store.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('sends again, with the same clientId, what had no answer when the connection dropped', () => {
    const socket = start();
    serveJoins(socket, () => []);
    socket.serverAccept();
    socket.respond('message.send', () => undefined); // The answer never comes: the connection drops.
    const clientId = connection.send('Hello everyone');
    expect(clientId).toMatch(CLIENT_ID_PATTERN);
    expect(store.getState().pending).toMatchObject([{ clientId, status: 'sending' }]);

    socket.dropConnection();
    const queuedId = connection.send('Written while offline');
    expect(socket.sent('message.send')).toHaveLength(1);
    expect(store.getState().pending.map((p) => p.status)).toEqual(['queued', 'queued']);

    let seq = 0;
    socket.respond('message.send', (payload) => {
      const { clientId: id, body } = payload as { clientId: string; body: string };
      seq += 1;
      return { ok: true, message: makeRoomMessage(seq, { author: ana, clientId: id, body }) };
    });
    socket.serverAccept();

    expect(socket.sent('message.send')).toEqual([
      { workshopId: ROOM_ID, clientId, body: 'Hello everyone' },
      { workshopId: ROOM_ID, clientId, body: 'Hello everyone' },
      { workshopId: ROOM_ID, clientId: queuedId, body: 'Written while offline' },
    ]);
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().messages.map((m) => m.clientId)).toEqual([clientId, queuedId]);
  });

  it('loads older history before the first message held, once at a time', async () => {
    const socket = start();
    socket.respond('workshop.join', () => ({
      ok: true,
      ...makeJoinResult({ messages: [makeRoomMessage(51), makeRoomMessage(52)], hasMoreBefore: true }),
    }));
    socket.serverAccept();
    socket.respond('history.before', () => ({
      ok: true,
      messages: [makeRoomMessage(49), makeRoomMessage(50)],
      hasMoreBefore: false,
    }));
    const loading = connection.loadOlder();
    await connection.loadOlder(); // Already loading: nothing more is asked.
    await loading;
    expect(socket.sent('history.before')).toEqual([{ workshopId: ROOM_ID, beforeSeq: 51, limit: 50 }]);
    expect(store.getState().messages.map((m) => m.seq)).toEqual([49, 50, 51, 52]);
    expect(store.getState().hasMoreBefore).toBe(false);
    await connection.loadOlder();
    expect(socket.sent('history.before')).toHaveLength(1);
  });

  it('answers requests made while offline, or cut off by a disconnect, with OFFLINE_ERROR', async () => {
    const socket = start();
    expect(await connection.raiseHand()).toEqual({ ok: false, error: OFFLINE_ERROR });
    serveJoins(socket, () => []);
    socket.serverAccept();
    socket.respond('hand.raise', () => undefined);
    const waiting = connection.raiseHand();
    socket.dropConnection();
    expect(await waiting).toEqual({ ok: false, error: OFFLINE_ERROR });
  });

  it('renews the session when the handshake is refused for an expired token, then connects again', async () => {
    stubFetch(() => jsonResponse(makeAuth(makeMe(), 'token-2')));
    const socket = start();
    socket.serverRefuse({ code: 'TOKEN_EXPIRED' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(socket.connectCalls).toBe(2);
    expect(socket.handshakes.at(-1)).toMatchObject({ token: 'token-2' });
  });

  it('leaves for good when removed by a facilitator: the socket closes and nothing rejoins', () => {
    const socket = start();
    serveJoins(socket, () => []);
    socket.serverAccept();
    socket.serverEmit('participant.removed', {
      workshopId: ROOM_ID,
      user: { id: li.id, displayName: li.displayName },
      by: fatima,
    });
    expect(socket.connected).toBe(true);
    socket.serverEmit('participant.removed', { workshopId: ROOM_ID, user: ana, by: fatima });
    expect(store.getState().removed).toBe(true);
    expect(socket.connected).toBe(false);
    expect(socket.disconnectCalls).toBe(1);
    connection.start();
    expect(socketFor('/workshops')).toBe(socket);
  });

  it('stops at a final join refusal (not found) without retrying', () => {
    const socket = start();
    socket.respond('workshop.join', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } }));
    socket.serverAccept();
    expect(store.getState()).toMatchObject({ connection: 'closed', joinError: { code: 'NOT_FOUND' } });
    expect(socket.connected).toBe(false);
  });

  it('leaves the room when stopped', () => {
    const socket = start();
    serveJoins(socket, () => []);
    socket.serverAccept();
    connection.stop();
    expect(socket.sent('workshop.leave')).toEqual([{ workshopId: ROOM_ID }]);
    expect(socket.connected).toBe(false);
  });
});
