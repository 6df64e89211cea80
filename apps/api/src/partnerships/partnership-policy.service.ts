import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService, type PartnershipAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { PartnershipsRepository } from './partnerships.repository';

/** Who may change a partnership, shared by its lifecycle and its action plan. */
@Injectable()
export class PartnershipPolicy {
  constructor(
    private readonly access: AccessService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** Locks the partnership row and returns the actor's access to it; 404 when they cannot see it. */
  async lock(manager: EntityManager, actor: AuthUser, id: string): Promise<PartnershipAccess> {
    if (!(await this.partnerships.lock(manager, id))) throw AppError.notFound('Partnership');
    return this.access.requirePartnership(actor, id, { manager });
  }

  /**
   * lock + the actor must coordinate a member city (403 otherwise; 404 for outsiders). `plan`: a
   * change to the action plan, which only members see and which closes with the partnership.
   */
  async lockForChange(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    message: string,
    plan = false,
  ): Promise<PartnershipAccess> {
    const access = await this.lock(manager, actor, id);
    if (plan && !access.canSeePrivate) throw AppError.notFound('Partnership');
    if (access.role !== 'coordinator') throw AppError.forbidden(message);
    if (plan && access.status !== 'proposed' && access.status !== 'active') {
      throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; its plan is closed.`);
    }
    return access;
  }

  /** The one who sent a pending invitation (while still in the inviting city), or that city's coordinators. */
  mayWithdraw(
    actor: AuthUser,
    access: PartnershipAccess,
    invitation: { invitedBy: string | null; invitedByCityId: string | null },
  ): boolean {
    if (invitation.invitedByCityId === null) return false;
    if (invitation.invitedBy === actor.id && access.memberCityIds.includes(invitation.invitedByCityId)) return true;
    return access.coordinatedMemberCityIds.includes(invitation.invitedByCityId);
  }
}
