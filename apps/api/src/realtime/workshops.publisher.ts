import { Injectable, Logger } from '@nestjs/common';
import type { WorkshopServerEvents } from '@twinning/contracts';
import type { Namespace } from 'socket.io';
import { Rooms } from './rooms';

type ServerEvent = keyof WorkshopServerEvents;
type Payload<E extends ServerEvent> = Parameters<WorkshopServerEvents[E]>[0];

/**
 * The only code that emits on /workshops. Callers emit after their write committed, so a client
 * never hears of a message that is not in the database. With REDIS_URL set, the adapter carries
 * every emit to the sockets on other instances.
 */
@Injectable()
export class WorkshopsPublisher {
  private readonly logger = new Logger(WorkshopsPublisher.name);
  private namespace: Namespace | null = null;

  /** Called by the gateway once socket.io is ready. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** To everyone in the workshop room. */
  toRoom<E extends ServerEvent>(workshopId: string, event: E, payload: Payload<E>): void {
    this.emit(Rooms.workshop(workshopId), event, payload);
  }

  /** To the facilitators in the workshop room. */
  toFacilitators<E extends ServerEvent>(workshopId: string, event: E, payload: Payload<E>): void {
    this.emit(Rooms.workshopFacilitators(workshopId), event, payload);
  }

  /** To every socket one user has in the workshop room. */
  toUser<E extends ServerEvent>(workshopId: string, userId: string, event: E, payload: Payload<E>): void {
    this.emit(Rooms.workshopUser(workshopId, userId), event, payload);
  }

  /** Takes every socket of a user out of the workshop's rooms, on every instance. */
  removeUser(workshopId: string, userId: string): void {
    this.namespace
      ?.in(Rooms.workshopUser(workshopId, userId))
      .socketsLeave([Rooms.workshop(workshopId), Rooms.workshopFacilitators(workshopId)]);
  }

  private emit<E extends ServerEvent>(room: string, event: E, payload: Payload<E>): void {
    if (!this.namespace) {
      this.logger.warn(`dropped ${event}: socket.io is not ready`);
      return;
    }
    (this.namespace.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
