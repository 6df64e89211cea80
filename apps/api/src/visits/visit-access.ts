import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VisitStatus } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type PartnershipAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { dateText } from './visit-rows';

/** The visit's own columns that policies and writes need. */
export interface VisitRecord {
  id: string;
  partnership_id: string;
  host_city_id: string;
  title: string;
  status: VisitStatus;
  time_zone: string;
  start_date: string | null;
  end_date: string | null;
  capacity: number;
  places_taken: number;
  registration_deadline: Date | null;
  sequence: number;
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const manager = opts.manager ?? this.dataSource.manager;
    const [visit]: VisitRecord[] = await manager.query(
      `SELECT id, partnership_id, host_city_id, title, status, time_zone,
              ${dateText('start_date')} AS start_date, ${dateText('end_date')} AS end_date,
              capacity, places_taken, registration_deadline, sequence
         FROM visits WHERE id = $1
         ${opts.lock === 'update' ? 'FOR UPDATE' : opts.lock === 'share' ? 'FOR SHARE' : ''}`,
      [id],
    );
    if (!visit) throw AppError.notFound('Visit');
    const access = (await this.access.partnerships(user, [visit.partnership_id], manager)).get(visit.partnership_id);
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
