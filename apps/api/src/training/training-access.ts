import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { TrainingRepository, type TrainingRequestRow, type TrainingViewer } from './training.repository';

export interface TrainingContext {
  row: TrainingRequestRow;
  viewer: TrainingViewer;
  /** Coordinates the requesting city (or a member city of the requesting partnership), or an admin. */
  requester: boolean;
}

export function trainingViewer(user: AuthUser): TrainingViewer {
  return { id: user.id, isAdmin: hasRole(user, 'admin'), isFacilitator: hasRole(user, 'facilitator') };
}

/**
 * Who may see and act on a training request. Open requests are seen by facilitators, coordinators
 * of cities that declare training expertise, the requesters and the named officials; once matched
 * (or withdrawn), only the requesters, the named officials, the accepted offer's trainers and
 * admins. Anyone else gets 404, so a request's existence does not leak.
 */
@Injectable()
export class TrainingAccess {
  constructor(private readonly requests: TrainingRepository) {}

  /**
   * The request as the user may see it, or 404. `lock` locks the row for the caller's transaction
   * (give `manager`); `requester` requires a requester or admin (403 with that message otherwise).
   */
  async require(
    user: AuthUser,
    id: string,
    opts: { manager?: EntityManager; lock?: boolean; requester?: string } = {},
  ): Promise<TrainingContext> {
    if (opts.lock && opts.manager && !(await this.requests.lock(id, opts.manager))) {
      throw AppError.notFound('Training request');
    }
    const viewer = trainingViewer(user);
    const row = await this.requests.find(viewer, id, opts.manager);
    if (!row?.visible) throw AppError.notFound('Training request');
    const requester = viewer.isAdmin || row.is_requester;
    if (opts.requester !== undefined && !requester) throw AppError.forbidden(opts.requester);
    return { row, viewer, requester };
  }
}
