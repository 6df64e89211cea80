import { Injectable } from '@nestjs/common';
import type { AuthorDto, WorkshopRole } from '@twinning/contracts';
import type { Namespace } from 'socket.io';
import { Rooms } from './rooms';
import type { AuthedSocketData } from './socket-auth';

/**
 * What a /workshops socket carries. Plain JSON only: with the Redis adapter, `fetchSockets()` on
 * another instance receives it serialised. The workshops gateway writes it; presence reads it.
 */
export interface WorkshopSocketData extends AuthedSocketData {
  /** The user's @handle, looked up once per socket (presence and typing show it). */
  handle?: string;
  /** Workshop id → the socket's role there, for every room this socket joined. */
  workshops?: Record<string, WorkshopRole>;
}

/** The author a socket speaks as: its user, with the handle looked up when it joined. */
export function authorOf(data: WorkshopSocketData): AuthorDto {
  return { id: data.user.id, displayName: data.user.displayName, handle: data.handle ?? '' };
}

/** Someone in a room as the sockets know them (the room's services add their cities and role). */
export interface PresentUser {
  user: AuthorDto;
  role: WorkshopRole;
}

/**
 * Who is in a workshop room, across instances: socket.io's rooms are the truth (with REDIS_URL,
 * `fetchSockets()` asks every instance). Services ask it plain questions and never see a socket.
 */
@Injectable()
export class WorkshopPresence {
  private namespace: Namespace | null = null;

  /** Called by the /workshops gateway once socket.io is ready. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Whether the user has a socket in the workshop room, on any instance. */
  async isPresent(workshopId: string, userId: string): Promise<boolean> {
    const namespace = this.namespace;
    if (!namespace) return false;
    const sockets = await namespace.in(Rooms.workshopUser(workshopId, userId)).fetchSockets();
    return sockets.some((s) => s.rooms.has(Rooms.workshop(workshopId)));
  }

  /** Everyone in the room, once per user (a facilitator if any of their sockets is one), on every instance. */
  async list(workshopId: string): Promise<PresentUser[]> {
    const namespace = this.namespace;
    if (!namespace) return [];
    const byUser = new Map<string, PresentUser>();
    for (const s of await namespace.in(Rooms.workshop(workshopId)).fetchSockets()) {
      const data = s.data as WorkshopSocketData;
      const role = data.workshops?.[workshopId];
      if (!data.user || !role) continue;
      const seen = byUser.get(data.user.id);
      if (!seen || (seen.role === 'participant' && role === 'facilitator')) {
        byUser.set(data.user.id, { user: authorOf(data), role });
      }
    }
    return [...byUser.values()];
  }
}
