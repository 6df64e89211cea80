import { ErrorCode, type AuthorDto, type WorkshopRole } from '@twinning/contracts';
import type { Socket } from 'socket.io';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { Rooms } from '../realtime/rooms';
import { authorOf, type WorkshopSocketData } from '../realtime/workshop-presence';

/**
 * The gateway's session helper for a /workshops socket: who it is, which rooms it joined, and
 * entering and leaving them. Only the gateway uses it, so the services get plain values (the
 * user, the author) and never a socket. No query: socket.io knows its rooms.
 */

const dataOf = (socket: Socket) => socket.data as WorkshopSocketData;

/** Sets up a fresh connection; false when the handshake left no user (the gateway disconnects it). */
export function startSession(socket: Socket): boolean {
  const data = dataOf(socket);
  if (!data.user) return false;
  data.workshops = {};
  return true;
}

/** The signed-in user of the socket. */
export function sessionUser(socket: Socket): AuthUser {
  return dataOf(socket).user;
}

/** The user's @handle, once a join looked it up. */
export function sessionHandle(socket: Socket): string | undefined {
  return dataOf(socket).handle;
}

/** The socket's user, if this socket joined the room; NOT_FOUND otherwise. */
export function joinedUser(socket: Socket, workshopId: string): AuthUser {
  if (!socket.rooms.has(Rooms.workshop(workshopId))) {
    throw new AppError(ErrorCode.NOT_FOUND, 'Join the workshop room first (workshop.join).');
  }
  return dataOf(socket).user;
}

/** The author (id, name, handle) the socket speaks as. */
export function sessionAuthor(socket: Socket): AuthorDto {
  return authorOf(dataOf(socket));
}

/** The workshops whose rooms this socket joined. */
export function joinedWorkshops(socket: Socket): string[] {
  return Object.keys(dataOf(socket).workshops ?? {});
}

/**
 * Puts the socket in the workshop's rooms: everyone's, its user's, and (facilitators) the
 * facilitators'. Records the role (presence reads it) and the handle.
 */
export async function enterRoom(socket: Socket, workshopId: string, role: WorkshopRole, handle: string): Promise<void> {
  const data = dataOf(socket);
  if (data.handle === undefined) data.handle = handle;
  data.workshops = { ...data.workshops, [workshopId]: role };
  const rooms = [Rooms.workshop(workshopId), Rooms.workshopUser(workshopId, data.user.id)];
  if (role === 'facilitator') rooms.push(Rooms.workshopFacilitators(workshopId));
  await socket.join(rooms);
}

/** Takes the socket out of the workshop's rooms; whether it had joined the workshop. */
export async function leaveRoom(socket: Socket, workshopId: string): Promise<boolean> {
  const data = dataOf(socket);
  const joined = data.workshops?.[workshopId] !== undefined;
  if (data.workshops) {
    const { [workshopId]: _left, ...rest } = data.workshops;
    data.workshops = rest;
  }
  await Promise.all(
    [
      Rooms.workshop(workshopId),
      Rooms.workshopFacilitators(workshopId),
      Rooms.workshopUser(workshopId, data.user.id),
    ].map((room) => socket.leave(room)),
  );
  return joined;
}
