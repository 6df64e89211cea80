import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkshopRoomState } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { iso, isoOrNull } from '../common/sql';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomQaService } from './room-qa.service';
import { RoomQuestionsRepository } from './room-questions.repository';
import { RoomSnapshotService } from './room-snapshot.service';
import { WorkshopAttendeesRepository, type TargetUser } from './workshop-attendees.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { WorkshopCalendar } from './workshop-calendar';
import { WorkshopRegistrations } from './workshop-registrations.service';
import { summary } from './workshop-rules';
import { WorkshopsRepository } from './workshops.repository';

/**
 * Moderation in the live room: facilitators mute and remove participants, and lock the room or
 * slow it down (reports: RoomReportsService). Each action commits with its audit row and is
 * published after the commit.
 */
@Injectable()
export class RoomModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registrations: WorkshopRegistrations,
    private readonly workshops: WorkshopsRepository,
    private readonly attendees: WorkshopAttendeesRepository,
    private readonly questions: RoomQuestionsRepository,
    private readonly audit: WorkshopAuditRepository,
    private readonly qa: RoomQaService,
    private readonly snapshots: RoomSnapshotService,
    private readonly publisher: WorkshopsPublisher,
    private readonly calendar: WorkshopCalendar,
  ) {}

  /**
   * Mutes a participant for `minutes` (0 lifts the mute) and lowers their hand: a muted participant
   * neither writes, asks nor raises a hand. Facilitators cannot be muted.
   */
  async mute(user: AuthUser, workshopId: string, userId: string, minutes: number): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { target, mutedUntil, handLowered } = await this.dataSource.transaction(async (manager) => {
      const target = await this.target(manager, workshopId, userId, 'muted');
      const until = await this.attendees.mute(manager, workshopId, userId, minutes);
      const handLowered = minutes > 0 && (await this.questions.lower(workshopId, userId, manager));
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: minutes > 0 ? 'participant.muted' : 'participant.unmuted',
        targetUserId: userId,
        detail: minutes > 0 ? { minutes, until: iso(until as Date) } : {},
      });
      return { target, mutedUntil: isoOrNull(until), handLowered };
    });
    this.publisher.toRoom(workshopId, 'participant.muted', {
      workshopId,
      user: { id: target.id, displayName: target.display_name },
      mutedUntil,
      by: summary(user),
    });
    if (handLowered) await this.qa.publishHands(workshopId, true);
  }

  /**
   * Removes a participant: bars them from the workshop, gives their place back, lowers their
   * hand, then takes all their sockets out of the room on every instance.
   */
  async remove(user: AuthUser, workshopId: string, userId: string, reason: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const result = await this.dataSource.transaction(async (manager) => {
      const target = await this.target(manager, workshopId, userId, 'removed');
      // also locks the workshop row; a place given back takes the event out of their calendar
      if (await this.registrations.releasePlace(userId, workshopId, manager)) {
        await this.calendar.invite(manager, workshopId, 'unregistered', [userId]);
      }
      if (!(await this.attendees.remove(manager, workshopId, userId, user.id, reason))) return null; // already removed
      const handLowered = await this.questions.lower(workshopId, userId, manager);
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'participant.removed',
        targetUserId: userId,
        detail: reason ? { reason } : {},
      });
      return { target, handLowered };
    });
    if (!result) return;
    this.publisher.toRoom(workshopId, 'participant.removed', {
      workshopId,
      user: { id: result.target.id, displayName: result.target.display_name },
      by: summary(user),
    });
    this.publisher.removeUser(workshopId, userId);
    this.publisher.toRoom(workshopId, 'presence.left', { workshopId, userId });
    if (result.handLowered) await this.qa.publishHands(workshopId, true);
  }

  /** Locks or unlocks the room and sets slow mode; answers the room's state as the facilitator sees it. */
  async updateRoom(
    user: AuthUser,
    workshopId: string,
    change: { locked?: boolean; slowModeSeconds?: number },
  ): Promise<WorkshopRoomState> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const updated = await this.dataSource.transaction(async (manager) => {
      const before = await this.workshops.lock(manager, workshopId);
      if (!before) throw AppError.notFound('Workshop');
      const locked = change.locked ?? before.locked;
      const slowModeSeconds = change.slowModeSeconds ?? before.slow_mode_seconds;
      if (locked === before.locked && slowModeSeconds === before.slow_mode_seconds) return null;
      await this.workshops.setRoomSettings(manager, workshopId, { locked, slowModeSeconds });
      if (locked !== before.locked) {
        await this.audit.record(manager, {
          workshopId,
          actorId: user.id,
          action: locked ? 'room.locked' : 'room.unlocked',
        });
      }
      if (slowModeSeconds !== before.slow_mode_seconds) {
        await this.audit.record(manager, {
          workshopId,
          actorId: user.id,
          action: 'room.slow_mode',
          detail: { seconds: slowModeSeconds, before: before.slow_mode_seconds },
        });
      }
      return { locked, slowModeSeconds };
    });
    if (updated) this.publisher.toRoom(workshopId, 'room.updated', { workshopId, ...updated, by: summary(user) });
    return this.snapshots.state(user, workshopId, true);
  }

  /** The user a facilitator acts on; facilitators (and admins) cannot be muted or removed. */
  private async target(
    manager: EntityManager,
    workshopId: string,
    userId: string,
    verb: 'muted' | 'removed',
  ): Promise<TargetUser> {
    const target = await this.attendees.target(manager, workshopId, userId);
    if (!target) throw AppError.notFound('Participant');
    if (target.facilitator) throw AppError.forbidden(`Facilitators cannot be ${verb}.`);
    return target;
  }
}
