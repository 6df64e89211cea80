import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Theme, VisitListQuery, VisitStatus, VisitSummaryDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { dateText, VISIT_SUMMARY_COLUMNS, VISIT_SUMMARY_FROM } from './visit-sql';
import { toVisitSummary, type VisitDetailRow, type VisitRecord, type VisitSummaryRow } from './visit-rows';

/** Who is looking: the summary columns answer the viewer's coordinator flag and registration. */
export interface Viewer {
  id: string;
  isAdmin: boolean;
}

export interface VisitListFilter extends Pick<VisitListQuery, 'when' | 'partnershipId' | 'month'> {
  /** Only visits in partnerships where the viewer is an approved official of a member city. */
  memberOnly: boolean;
  /** Keyset: (sort date, id) of the last visit already shown. */
  after: [string, string] | null;
  take: number;
}

export interface NewVisit {
  partnershipId: string;
  hostCityId: string;
  title: string;
  purpose: string;
  purposeHtml: string;
  themes: Theme[];
  capacity: number;
  registrationDeadline: string | null;
  timeZone: string;
  startDate: string | null;
  endDate: string | null;
  createdBy: string;
}

/** Editable columns, in the order they are written; undefined ones are left alone. */
export interface VisitChanges {
  title?: string;
  purpose?: string;
  purposeHtml?: string;
  themes?: Theme[];
  capacity?: number;
  registrationDeadline?: string | null;
}

const CHANGE_COLUMNS: [keyof VisitChanges, string][] = [
  ['title', 'title'],
  ['purpose', 'purpose'],
  ['purposeHtml', 'purpose_html'],
  ['themes', 'themes'],
  ['capacity', 'capacity'],
  ['registrationDeadline', 'registration_deadline'],
];

/** A visit has not ended while it is not completed or cancelled and its last day (host's calendar) is not past. */
const UPCOMING_SQL = `(v.status NOT IN ('completed', 'cancelled')
  AND (v.end_date IS NULL OR v.end_date >= (now() AT TIME ZONE v.time_zone)::date))`;

/** The `visits` table: lists, the visit page's row, the record policies lock, and its writes. */
@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Visits by date: soonest first, or latest first for `when=past`. Visits still polling sort by
   * their earliest option. One statement; `sortKey` is the date each visit sorted by.
   */
  async list(viewer: Viewer, filter: VisitListFilter): Promise<{ visit: VisitSummaryDto; sortKey: string }[]> {
    const params: unknown[] = [viewer.id, viewer.isAdmin];
    const where: string[] = [];
    if (filter.memberOnly) {
      where.push(`v.partnership_id IN (SELECT pc.partnership_id FROM partnership_cities pc
                    JOIN city_memberships m ON m.city_id = pc.city_id
                   WHERE pc.status = 'member' AND m.user_id = $1 AND m.status = 'approved')`);
    }
    if (filter.partnershipId) {
      params.push(filter.partnershipId);
      where.push(`v.partnership_id = $${params.length}`);
    }
    if (filter.when === 'upcoming') where.push(UPCOMING_SQL);
    if (filter.when === 'past') where.push(`NOT ${UPCOMING_SQL}`);
    if (filter.month) {
      const [y, m] = filter.month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      params.push(`${filter.month}-01`, last);
      const [first, end] = [`$${params.length - 1}::date`, `$${params.length}::date`];
      where.push(`(CASE WHEN v.start_date IS NOT NULL THEN v.start_date <= ${end} AND v.end_date >= ${first}
                   ELSE EXISTS (SELECT 1 FROM visit_date_options o WHERE o.visit_id = v.id
                                   AND o.start_date <= ${end} AND o.end_date >= ${first}) END)`);
    }
    const descending = filter.when === 'past';
    let afterSql = '';
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      afterSql = `WHERE (x.sort_date, x.id) ${descending ? '<' : '>'} ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(filter.take);
    const rows: (VisitSummaryRow & { sort_key: string })[] = await this.dataSource.query(
      `SELECT x.*, to_char(x.sort_date, 'YYYY-MM-DD') AS sort_key FROM (
         SELECT ${VISIT_SUMMARY_COLUMNS},
                coalesce(v.start_date, (SELECT min(o.start_date) FROM visit_date_options o WHERE o.visit_id = v.id)) AS sort_date
           FROM ${VISIT_SUMMARY_FROM}
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ) x
       ${afterSql}
       ORDER BY x.sort_date ${descending ? 'DESC' : 'ASC'}, x.id ${descending ? 'DESC' : 'ASC'}
       LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ visit: toVisitSummary(row), sortKey: row.sort_key }));
  }

  /** The visit page's own row, as `viewer` sees it. */
  async detail(viewer: Viewer, id: string): Promise<VisitDetailRow | undefined> {
    const [row]: VisitDetailRow[] = await this.dataSource.query(
      `SELECT ${VISIT_SUMMARY_COLUMNS}, v.purpose, v.purpose_html, v.cancel_reason, v.sequence,
              v.created_by, cb.display_name AS created_by_name, v.created_at, v.updated_at
         FROM ${VISIT_SUMMARY_FROM} LEFT JOIN users cb ON cb.id = v.created_by
        WHERE v.id = $3`,
      [viewer.id, viewer.isAdmin, id],
    );
    return row;
  }

  /** The visit's own columns; `lock` locks its row for the caller's transaction. */
  async record(
    id: string,
    lock: 'update' | 'share' | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VisitRecord | undefined> {
    const [visit]: VisitRecord[] = await manager.query(
      `SELECT id, partnership_id, host_city_id, title, status, time_zone,
              ${dateText('start_date')} AS start_date, ${dateText('end_date')} AS end_date,
              capacity, places_taken, registration_deadline, sequence
         FROM visits WHERE id = $1
         ${lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : ''}`,
      [id],
    );
    return visit;
  }

  /** The time zone of a city that is a member of the partnership (undefined when it is not one). */
  async memberCityTimeZone(
    partnershipId: string,
    cityId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const [city]: { time_zone: string }[] = await manager.query(
      `SELECT c.time_zone FROM partnership_cities pc JOIN cities c ON c.id = pc.city_id
        WHERE pc.partnership_id = $1 AND pc.city_id = $2 AND pc.status = 'member'`,
      [partnershipId, cityId],
    );
    return city?.time_zone;
  }

  async insert(visit: NewVisit, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO visits (partnership_id, host_city_id, title, purpose, purpose_html, themes, capacity,
                           registration_deadline, time_zone, start_date, end_date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        visit.partnershipId,
        visit.hostCityId,
        visit.title,
        visit.purpose,
        visit.purposeHtml,
        visit.themes,
        visit.capacity,
        visit.registrationDeadline,
        visit.timeZone,
        visit.startDate,
        visit.endDate,
        visit.createdBy,
      ],
    );
    return row.id;
  }

  /** Writes the given columns (and `updated_at`); `bumpSequence` also bumps the iCalendar SEQUENCE. */
  async update(
    id: string,
    changes: VisitChanges,
    bumpSequence: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of CHANGE_COLUMNS) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${column} = $${params.length}`);
    }
    if (bumpSequence) sets.push('sequence = sequence + 1');
    await manager.query(`UPDATE visits SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /** Moves the visit to `status` (with the cancel reason, or null) and bumps SEQUENCE. */
  async setStatus(
    id: string,
    status: VisitStatus,
    cancelReason: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE visits SET status = $2, cancel_reason = $3, sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, status, cancelReason],
    );
  }

  /** Fixes the visit's dates (the poll's pick) and bumps SEQUENCE. */
  async setDates(
    id: string,
    startDate: string,
    endDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE visits SET start_date = $2, end_date = $3, sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, startDate, endDate],
    );
  }

  /** Something calendars show changed (the agenda): bumps SEQUENCE. */
  async bumpSequence(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE visits SET sequence = sequence + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Every approved official of the partnership's member cities, with what a "visit opened" notice names. */
  async officialsToTell(
    partnershipId: string,
    hostCityId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ user_id: string; host_slug: string; host_name: string; partnership_title: string }[]> {
    return manager.query(
      `SELECT DISTINCT m.user_id, c.slug AS host_slug, c.name AS host_name, p.title AS partnership_title
         FROM partnership_cities pc
         JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
         JOIN partnerships p ON p.id = pc.partnership_id
         JOIN cities c ON c.id = $2
        WHERE pc.partnership_id = $1 AND pc.status = 'member'`,
      [partnershipId, hostCityId],
    );
  }
}
