import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService, type PartnershipAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import type { VisitRecord } from './visit-rows';
import { VisitsRepository } from './visits.repository';

export interface VisitContext {
  visit: VisitRecord;
  access: PartnershipAccess;
  /** Coordinates a member city of the partnership, or a platform admin: plans, moves, sees the roster. */
  coordinator: boolean;
  /** An official of a member city: may vote and register. */
  member: boolean;
}

/**
 * Who may do what with a visit. Visits are private to their partnership: anyone who cannot see
 * the partnership's private content gets 404 for the visit, whatever they ask. The partnership
 * access itself comes from AccessService (one query for a batch of partnerships).
 */
@Injectable()
export class VisitAccess {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * The visit as the user may see it, or 404. `lock` locks the visit row for the caller's
   * transaction; `coordinator` requires a coordinator (403 for other members).
   */
  async require(
    user: AuthUser,
    id: string,
    opts: { manager?: EntityManager; lock?: 'update' | 'share'; coordinator?: string } = {},
  ): Promise<VisitContext> {
    const visit = await this.visits.record(id, opts.lock, opts.manager);
    if (!visit) throw AppError.notFound('Visit');
    const access = (await this.access.partnerships(user, [visit.partnership_id], opts.manager)).get(
      visit.partnership_id,
    );
    if (!access?.canSeePrivate) throw AppError.notFound('Visit');
    const context: VisitContext = {
      visit,
      access,
      coordinator: access.isAdmin || access.role === 'coordinator',
      member: access.role !== null,
    };
    if (opts.coordinator !== undefined && !context.coordinator) throw AppError.forbidden(opts.coordinator);
    return context;
  }
}
