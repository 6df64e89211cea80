import { ErrorCode } from '@twinning/contracts';
import type { Socket } from 'socket.io';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { Rooms } from '../realtime/rooms';
import * as session from './room-session';

const user: AuthUser = { id: 'u1', email: 'ana@example.test', displayName: 'Ana', roles: [], emailVerified: true };

/** The parts of a socket.io Socket the session helper touches. */
function fakeSocket(data: Record<string, unknown> = { user }) {
  const rooms = new Set<string>(['socket-id']);
  const socket = {
    data,
    rooms,
    join: jest.fn(async (names: string[]) => names.forEach((n) => rooms.add(n))),
    leave: jest.fn(async (name: string) => void rooms.delete(name)),
  };
  return { socket: socket as unknown as Socket, rooms, fake: socket };
}

describe('room session (the /workshops gateway helper)', () => {
  it('starts a session only for an authenticated socket', () => {
    expect(session.startSession(fakeSocket({}).socket)).toBe(false);
    const { socket } = fakeSocket();
    expect(session.startSession(socket)).toBe(true);
    expect(session.joinedWorkshops(socket)).toEqual([]);
    expect(session.sessionUser(socket)).toBe(user);
    expect(session.sessionHandle(socket)).toBeUndefined();
  });

  it('enters the rooms of a workshop (facilitators also theirs), keeping the first handle and the role', async () => {
    const { socket, rooms } = fakeSocket();
    session.startSession(socket);
    await session.enterRoom(socket, 'w1', 'participant', 'ana');
    await session.enterRoom(socket, 'w2', 'facilitator', 'other');
    expect([...rooms].sort()).toEqual(
      [
        'socket-id',
        Rooms.workshop('w1'),
        Rooms.workshopUser('w1', 'u1'),
        Rooms.workshop('w2'),
        Rooms.workshopUser('w2', 'u1'),
        Rooms.workshopFacilitators('w2'),
      ].sort(),
    );
    expect(socket.data.workshops).toEqual({ w1: 'participant', w2: 'facilitator' });
    expect(session.sessionHandle(socket)).toBe('ana');
    expect(session.sessionAuthor(socket)).toEqual({ id: 'u1', displayName: 'Ana', handle: 'ana' });
    expect(session.joinedWorkshops(socket)).toEqual(['w1', 'w2']);
  });

  it('answers the joined user without a query, NOT_FOUND before workshop.join', async () => {
    const { socket } = fakeSocket();
    session.startSession(socket);
    let error: unknown;
    try {
      session.joinedUser(socket, 'w1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.NOT_FOUND);
    expect((error as AppError).message).toBe('Join the workshop room first (workshop.join).');
    await session.enterRoom(socket, 'w1', 'participant', 'ana');
    expect(session.joinedUser(socket, 'w1')).toBe(user);
  });

  it('leaves every room of the workshop and tells whether the socket had joined it', async () => {
    const { socket, rooms } = fakeSocket();
    session.startSession(socket);
    await session.enterRoom(socket, 'w1', 'facilitator', 'ana');
    await session.enterRoom(socket, 'w2', 'participant', 'ana');
    expect(await session.leaveRoom(socket, 'w1')).toBe(true);
    expect([...rooms].sort()).toEqual(['socket-id', Rooms.workshop('w2'), Rooms.workshopUser('w2', 'u1')].sort());
    expect(session.joinedWorkshops(socket)).toEqual(['w2']);
    expect(await session.leaveRoom(socket, 'w1')).toBe(false);
  });
});
