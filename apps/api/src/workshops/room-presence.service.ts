import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  WORKSHOP_LIMITS,
  type AuthorDto,
  type PersonSummary,
  type WorkshopJoinResult,
  type WorkshopRole,
} from '@twinning/contracts';
import { AccessService, type WorkshopAccess } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { WorkshopPresence } from '../realtime/workshop-presence';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomSnapshotService } from './room-snapshot.service';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopRegistrations } from './workshop-registrations.service';
import { notLive, removedError } from './workshop-rules';
import { WorkshopsRepository } from './workshops.repository';

/** Who may enter a room, as what; worked out before the gateway puts the socket in. */
export interface RoomAdmission {
  access: WorkshopAccess;
  role: WorkshopRole;
  /** The user as the room shows them (with their handle). */
  author: AuthorDto;
  /** With their cities and role, for the people list. */
  person: PersonSummary;
  /** The user already had a socket in the room (so nobody hears that they joined). */
  alreadyPresent: boolean;
}

/**
 * Being in a room: entering (with the snapshot), leaving, and "typing". Socket.io's rooms are
 * the gateway's business; this service decides who may enter and what the room hears.
 */
@Injectable()
export class RoomPresenceService {
  /** `workshopId:userId` → when their last typing event was relayed. */
  private readonly typingRelayed = new Map<string, number>();

  constructor(
    private readonly access: AccessService,
    private readonly registrations: WorkshopRegistrations,
    private readonly attendees: WorkshopAttendeesRepository,
    private readonly workshops: WorkshopsRepository,
    private readonly snapshots: RoomSnapshotService,
    private readonly presence: WorkshopPresence,
    private readonly publisher: WorkshopsPublisher,
  ) {}

  /**
   * May the user enter? Removed users may not; a participant entering a live room takes a place
   * (WORKSHOP_FULL when there is none). `handle` is the one already known for the socket, if any.
   */
  async admit(user: AuthUser, workshopId: string, handle: string | undefined): Promise<RoomAdmission> {
    let access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    if (access.status === 'live' && !access.facilitator && !access.registered) {
      // Entering a live room registers: like PUT /registration, only with a verified address.
      if (!user.emailVerified) throw AppError.emailNotVerified();
      await this.registrations.takePlace(user.id, access);
      access = { ...access, registered: true };
    }
    const role: WorkshopRole = access.facilitator ? 'facilitator' : 'participant';
    const [person] = await this.attendees.peopleIn(workshopId, [user.id]);
    const author = { id: user.id, displayName: user.displayName, handle: handle ?? person?.handle ?? '' };
    const alreadyPresent = await this.presence.isPresent(workshopId, user.id);
    return { access, role, author, person: person ?? { ...author, cities: [], role: null }, alreadyPresent };
  }

  /**
   * The user's socket is in the room now: the snapshot for the ack (a message created meanwhile
   * arrives live or in it, or both: clients keep messages by seq), and "joined" for the others.
   */
  async arrive(user: AuthUser, admission: RoomAdmission, afterSeq?: number): Promise<WorkshopJoinResult> {
    const result = await this.snapshots.snapshot(user, admission.access, afterSeq);
    const { workshopId } = admission.access;
    if (!admission.alreadyPresent) {
      this.publisher.toRoom(workshopId, 'presence.joined', {
        workshopId,
        user: admission.person,
        role: admission.role,
      });
    }
    return result;
  }

  /** A socket of the user left these rooms (or closed): "left" where none of theirs remains. */
  async left(userId: string, workshopIds: string[]): Promise<void> {
    await Promise.all(
      workshopIds.map(async (workshopId) => {
        if (!(await this.presence.isPresent(workshopId, userId))) {
          this.publisher.toRoom(workshopId, 'presence.left', { workshopId, userId });
        }
      }),
    );
  }

  /**
   * Relays "typing" to the room at most once per typingThrottleMs per user; never for a
   * participant who may not write (muted, locked room, not live).
   */
  async typing(user: AuthUser, author: AuthorDto, workshopId: string): Promise<void> {
    const key = `${workshopId}:${user.id}`;
    const now = Date.now();
    const last = this.typingRelayed.get(key);
    if (last !== undefined && now - last < WORKSHOP_LIMITS.typingThrottleMs) return;
    const row = await this.workshops.writePolicy(workshopId, user.id, hasRole(user, 'admin'));
    if (!row) throw AppError.notFound('Workshop');
    if (row.status !== 'live') throw notLive(row.status);
    if (row.locked) throw new AppError(ErrorCode.ROOM_LOCKED, 'The room is locked.');
    if (row.muted_seconds !== null && row.muted_seconds > 0) {
      throw new AppError(ErrorCode.MUTED, 'You are muted.', undefined, row.muted_seconds);
    }
    this.typingRelayed.set(key, now);
    if (this.typingRelayed.size > 10_000) {
      for (const [k, at] of this.typingRelayed) {
        if (now - at >= WORKSHOP_LIMITS.typingThrottleMs) this.typingRelayed.delete(k);
      }
    }
    this.publisher.toRoom(workshopId, 'typing', { workshopId, user: author });
  }
}
