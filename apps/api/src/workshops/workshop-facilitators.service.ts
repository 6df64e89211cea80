import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, WORKSHOP_LIMITS, type UserSummary, type WorkshopDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { iso } from '../common/sql';
import { NotificationsService } from '../notifications';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { WorkshopFacilitatorsRepository } from './workshop-facilitators.repository';
import { WorkshopRegistrations } from './workshop-registrations.service';
import { summary } from './workshop-rules';
import { FACILITATOR_ROLES, WorkshopsService } from './workshops.service';

/** Users offered by the co-facilitator search. */
export const FACILITATOR_SEARCH_MAX = 20;

/** Creator plus co-facilitators. */
const FACILITATORS_MAX = WORKSHOP_LIMITS.facilitatorsMax + 1;

/** Co-facilitators: finding them, adding them (they are notified) and taking them off. */
@Injectable()
export class WorkshopFacilitatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly workshops: WorkshopsService,
    private readonly registrations: WorkshopRegistrations,
    private readonly facilitators: WorkshopFacilitatorsRepository,
    private readonly audit: WorkshopAuditRepository,
  ) {}

  /**
   * Users with the facilitator or admin role whose display name or handle contains `q` (handles
   * starting with it first), for choosing co-facilitators. Only facilitators and admins may search.
   */
  async search(user: AuthUser, q: string | undefined): Promise<UserSummary[]> {
    this.workshops.requireFacilitatorRole(user, 'Only facilitators and admins can look for co-facilitators.');
    return this.facilitators.searchUsers(FACILITATOR_ROLES, (q ?? '').replace(/^@/, ''), FACILITATOR_SEARCH_MAX);
  }

  /**
   * Makes a facilitator or admin a co-facilitator (idempotent). A place they held as a registered
   * participant is given back: facilitators are always in.
   */
  async add(user: AuthUser, workshopId: string, userId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    const created = await this.dataSource.transaction(async (manager) => {
      const workshop = await this.workshops.lock(manager, workshopId);
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; its facilitators are final.');
      }
      await this.workshops.requireFacilitatorUsers(manager, [userId], 'userId');
      const count = await this.facilitators.count(manager, workshopId);
      if (!(await this.facilitators.add(manager, workshopId, userId))) return { items: [] };
      if (count >= FACILITATORS_MAX) {
        throw AppError.validation(
          { userId: [`a workshop has at most ${FACILITATORS_MAX} facilitators`] },
          'Invalid field: userId.',
        );
      }
      await this.registrations.releasePlace(userId, workshopId, manager);
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'facilitator.added',
        targetUserId: userId,
      });
      return this.notifications.create(
        manager,
        [
          {
            userId,
            kind: 'workshop.facilitator_added',
            payload: {
              actor: summary(user),
              workshop: { id: workshopId, title: workshop.title },
              startsAt: iso(workshop.starts_at),
            },
          },
        ],
        user.id,
      );
    });
    await this.notifications.publish(created);
    return this.workshops.get(user, workshopId);
  }

  /** Takes a facilitator off the workshop; the last one stays (INVALID_STATE). */
  async remove(user: AuthUser, workshopId: string, userId: string): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const workshop = await this.workshops.lock(manager, workshopId);
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; its facilitators are final.');
      }
      const ids = await this.facilitators.ids(manager, workshopId);
      if (!ids.includes(userId)) throw AppError.notFound('Facilitator');
      if (ids.length <= 1) {
        throw new AppError(ErrorCode.INVALID_STATE, 'A workshop keeps at least one facilitator.');
      }
      await this.facilitators.remove(manager, workshopId, userId);
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'facilitator.removed',
        targetUserId: userId,
      });
    });
    return this.workshops.get(user, workshopId);
  }
}
