import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateMilestoneRequest, MilestoneDto, UpdateMilestoneRequest } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { MilestonesRepository } from './milestones.repository';
import { PartnershipPolicy } from './partnership-policy.service';
import { PartnershipsRepository } from './partnerships.repository';

const PLAN_COORDINATORS_ONLY = 'Only coordinators can change the action plan.';

/** The action plan: coordinators of member cities add, change and remove milestones while it is open. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PartnershipPolicy,
    private readonly partnerships: PartnershipsRepository,
    private readonly milestones: MilestonesRepository,
  ) {}

  async create(actor: AuthUser, id: string, dto: CreateMilestoneRequest): Promise<MilestoneDto> {
    const milestoneId = await this.dataSource.transaction(async (manager) => {
      await this.policy.lockForChange(manager, actor, id, PLAN_COORDINATORS_ONLY, true);
      if (dto.ownerId) await this.requireMemberOwner(manager, id, dto.ownerId);
      return this.milestones.addToPlan(manager, id, dto, actor.id);
    });
    return this.read(milestoneId);
  }

  async update(actor: AuthUser, id: string, milestoneId: string, dto: UpdateMilestoneRequest): Promise<MilestoneDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.policy.lockForChange(manager, actor, id, PLAN_COORDINATORS_ONLY, true);
      if (dto.ownerId) await this.requireMemberOwner(manager, id, dto.ownerId);
      if (!(await this.milestones.update(manager, id, milestoneId, dto))) throw AppError.notFound('Milestone');
    });
    return this.read(milestoneId);
  }

  async delete(actor: AuthUser, id: string, milestoneId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.policy.lockForChange(manager, actor, id, PLAN_COORDINATORS_ONLY, true);
      if (!(await this.milestones.delete(manager, id, milestoneId))) throw AppError.notFound('Milestone');
    });
  }

  private async read(milestoneId: string): Promise<MilestoneDto> {
    const milestone = await this.milestones.findById(milestoneId);
    if (!milestone) throw AppError.notFound('Milestone');
    return milestone;
  }

  /** A milestone's owner must be an official of a member city. */
  private async requireMemberOwner(manager: EntityManager, id: string, ownerId: string): Promise<void> {
    if (!(await this.partnerships.isMemberOfficial(manager, id, ownerId))) {
      throw AppError.field('ownerId', 'notPartnershipMember');
    }
  }
}
