import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type WorkshopDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { iso } from '../common/sql';
import { NotificationsService, type NewNotification } from '../notifications';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomAttendanceRepository } from './room-attendance.repository';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { summary } from './workshop-rules';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

/**
 * The room's lifecycle: scheduled → live → ended, by a facilitator. Each step commits with its
 * audit row; the sockets in the room hear `workshop.status` after the commit.
 */
@Injectable()
export class WorkshopLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly publisher: WorkshopsPublisher,
    private readonly workshops: WorkshopsRepository,
    private readonly attendees: WorkshopAttendeesRepository,
    private readonly audit: WorkshopAuditRepository,
    private readonly pages: WorkshopsService,
    private readonly roomAttendance: RoomAttendanceRepository,
  ) {}

  /**
   * scheduled → live. Registered participants and the other facilitators are told (`workshop.live`),
   * and sockets in the room hear `workshop.status` once the change committed.
   */
  async open(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const { at, created } = await this.dataSource.transaction(async (manager) => {
      const row = await this.workshops.open(manager, workshopId);
      if (!row) throw new AppError(ErrorCode.INVALID_STATE, 'Only a scheduled workshop can be opened.');
      await this.audit.record(manager, { workshopId, actorId: user.id, action: 'workshop.opened' });
      const recipients = await this.attendees.registeredAndFacilitators(manager, workshopId);
      const notified = await this.notifications.create(
        manager,
        recipients.map((userId): NewNotification => ({
          userId,
          kind: 'workshop.live',
          payload: { actor: summary(user), workshop: { id: workshopId, title: row.title } },
        })),
        user.id,
      );
      return { at: iso(row.opened_at), created: notified };
    });
    await this.notifications.publish(created);
    this.publisher.toRoom(workshopId, 'workshop.status', { workshopId, status: 'live', at });
    return this.pages.get(user, workshopId);
  }

  /** live → ended; the room becomes its transcript, and every attendance interval still open ends with it. */
  async end(user: AuthUser, workshopId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const at = await this.dataSource.transaction(async (manager) => {
      const row = await this.workshops.end(manager, workshopId);
      if (!row) throw new AppError(ErrorCode.INVALID_STATE, 'Only a live workshop can be ended.');
      await this.audit.record(manager, { workshopId, actorId: user.id, action: 'workshop.ended' });
      await this.roomAttendance.closeRoom(manager, workshopId);
      return iso(row.ended_at);
    });
    this.publisher.toRoom(workshopId, 'workshop.status', { workshopId, status: 'ended', at });
    return this.pages.get(user, workshopId);
  }
}
