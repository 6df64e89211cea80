import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type WorkshopDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type WorkshopAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopCalendar } from './workshop-calendar';
import { removedError } from './workshop-rules';
import { WorkshopsService } from './workshops.service';

/**
 * Registration of participants, over REST and when joining a room. Each change locks the
 * workshop row, so concurrent registrations never take more places than the capacity (a CHECK on
 * registered_count backs this up). Facilitators never register: they are always in.
 */
@Injectable()
export class WorkshopRegistrations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly workshops: WorkshopsService,
    private readonly attendees: WorkshopAttendeesRepository,
    private readonly calendar: WorkshopCalendar,
  ) {}

  /** Takes a place (idempotent): WORKSHOP_FULL, REMOVED, INVALID_STATE once ended. */
  async register(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    const access = await this.access.requireWorkshop(user, workshopId);
    await this.takePlace(user.id, access);
    return this.workshops.get(user, workshopId);
  }

  /** Gives the place back (idempotent); a place given back sends the calendar's cancellation. */
  async unregister(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId);
    await this.dataSource.transaction(async (manager) => {
      if (await this.releasePlace(user.id, workshopId, manager)) {
        await this.calendar.invite(manager, workshopId, 'unregistered', [user.id]);
      }
    });
    return this.workshops.get(user, workshopId);
  }

  /**
   * Registers the user unless already registered. Refuses removed users (REMOVED), ended
   * workshops (INVALID_STATE) and full ones (WORKSHOP_FULL). Returns whether a place was taken now.
   */
  async takePlace(userId: string, access: WorkshopAccess): Promise<boolean> {
    if (access.facilitator) return false;
    if (access.removed) throw removedError();
    if (access.registered) return false;
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.workshops.lock(manager, access.workshopId);
      const attendee = await this.attendees.attendee(manager, access.workshopId, userId);
      if (attendee?.removed_at) throw removedError();
      if (attendee?.registered) return false;
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; registration is closed.');
      }
      if (workshop.capacity !== null && workshop.registered_count >= workshop.capacity) {
        throw new AppError(ErrorCode.WORKSHOP_FULL, 'This workshop is full.');
      }
      await this.attendees.register(manager, access.workshopId, userId);
      await this.calendar.invite(manager, access.workshopId, 'registered', [userId]);
      return true;
    });
  }

  /** Gives the user's place back (no-op when not registered); also locks the workshop row. */
  async releasePlace(userId: string, workshopId: string, manager?: EntityManager): Promise<boolean> {
    const run = async (m: EntityManager) => {
      await this.workshops.lock(m, workshopId);
      return this.attendees.unregister(m, workshopId, userId);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
