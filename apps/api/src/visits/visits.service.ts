import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  VISIT_LIMITS,
  VISIT_TRANSITIONS,
  calendarDaysBetween,
  isCalendarDate,
  isValidTimeZone,
  type FieldErrors,
  type Page,
  type VisitDto,
  type VisitListQuery,
  type VisitReportDto,
  type VisitSummaryDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { renderMarkdown } from '../common/markdown';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import { MILESTONE_SELECT, toMilestone, type MilestoneRow } from '../partnerships';
import type { CreateVisitDto, DateRangeDto, TransitionVisitDto, UpdateVisitDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import {
  AGENDA_SQL,
  DATE_OPTIONS_SQL,
  VISIT_SUMMARY_COLUMNS,
  VISIT_SUMMARY_FROM,
  overlapWarnings,
  toAgendaItem,
  toDateOption,
  toVisitSummary,
  userRef,
  type AgendaRow,
  type DateOptionRow,
  type VisitSummaryRow,
} from './visit-rows';
import { promoteWaitlist } from './visit-waitlist';
import { iso } from '../common/sql';

const OPEN_PARTNERSHIP = ['proposed', 'active'];

/** A visit has not ended while it is not completed or cancelled and its last day (host's calendar) is not past. */
const UPCOMING_SQL = `(v.status NOT IN ('completed', 'cancelled')
  AND (v.end_date IS NULL OR v.end_date >= (now() AT TIME ZONE v.time_zone)::date))`;

interface ReportRow {
  seen: string;
  seen_html: string;
  practices: string;
  practices_html: string;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  actions: { id: string; title: string; description: string; milestone: MilestoneRow | null }[];
}

const REPORT_SQL = `
  SELECT r.seen, r.seen_html, r.practices, r.practices_html, r.updated_at, r.updated_by, u.display_name AS updated_by_name,
         coalesce((SELECT json_agg(json_build_object(
                            'id', a.id, 'title', a.title, 'description', a.description,
                            'milestone', (SELECT row_to_json(m) FROM (${MILESTONE_SELECT} WHERE ms.id = a.milestone_id) m))
                          ORDER BY a.position, a.id)
                     FROM visit_report_actions a WHERE a.visit_id = r.visit_id), '[]') AS actions
    FROM visit_reports r LEFT JOIN users u ON u.id = r.updated_by
   WHERE r.visit_id = $1`;

/**
 * Study visits: the list across the viewer's partnerships, the visit page, planning (create, edit)
 * and the state machine. Poll, agenda, registrations, calendars and the report have their own
 * services; they all answer with `read`, the one builder of VisitDto.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly visitAccess: VisitAccess,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
  ) {}

  /**
   * Visits in the viewer's partnerships (every visit for admins), by date: soonest first, or latest
   * first for `when=past`. Visits still polling sort by their earliest option. One statement.
   */
  async list(user: AuthUser, query: VisitListQuery): Promise<Page<VisitSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const isAdmin = user.role === 'admin';
    const params: unknown[] = [user.id, isAdmin];
    const where: string[] = [];
    if (!isAdmin) {
      where.push(`v.partnership_id IN (SELECT pc.partnership_id FROM partnership_cities pc
                    JOIN city_memberships m ON m.city_id = pc.city_id
                   WHERE pc.status = 'member' AND m.user_id = $1 AND m.status = 'approved')`);
    }
    if (query.partnershipId) {
      params.push(query.partnershipId);
      where.push(`v.partnership_id = $${params.length}`);
    }
    if (query.when === 'upcoming') where.push(UPCOMING_SQL);
    if (query.when === 'past') where.push(`NOT ${UPCOMING_SQL}`);
    if (query.month) {
      const [y, m] = query.month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      params.push(`${query.month}-01`, last);
      const [first, end] = [`$${params.length - 1}::date`, `$${params.length}::date`];
      where.push(`(CASE WHEN v.start_date IS NOT NULL THEN v.start_date <= ${end} AND v.end_date >= ${first}
                   ELSE EXISTS (SELECT 1 FROM visit_date_options o WHERE o.visit_id = v.id
                                   AND o.start_date <= ${end} AND o.end_date >= ${first}) END)`);
    }
    const descending = query.when === 'past';
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    let afterSql = '';
    if (after) {
      params.push(after[0], after[1]);
      afterSql = `WHERE (x.sort_date, x.id) ${descending ? '<' : '>'} ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
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
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map(toVisitSummary),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null,
    };
  }

  async detail(user: AuthUser, id: string): Promise<VisitDto> {
    await this.visitAccess.require(user, id);
    return this.read(user, id);
  }

  /** The visit page as `user` sees it. Callers have checked access. */
  async read(user: AuthUser, id: string): Promise<VisitDto> {
    const [row]: (VisitSummaryRow & {
      purpose: string;
      purpose_html: string;
      cancel_reason: string | null;
      sequence: number;
      created_by: string | null;
      created_by_name: string | null;
      created_at: Date;
      updated_at: Date;
    })[] = await this.dataSource.query(
      `SELECT ${VISIT_SUMMARY_COLUMNS}, v.purpose, v.purpose_html, v.cancel_reason, v.sequence,
              v.created_by, cb.display_name AS created_by_name, v.created_at, v.updated_at
         FROM ${VISIT_SUMMARY_FROM} LEFT JOIN users cb ON cb.id = v.created_by
        WHERE v.id = $3`,
      [user.id, user.role === 'admin', id],
    );
    if (!row) throw AppError.notFound('Visit');
    const [options, agendaRows, report]: [DateOptionRow[], AgendaRow[], VisitReportDto | null] = await Promise.all([
      this.dataSource.query(DATE_OPTIONS_SQL, [id]),
      this.dataSource.query(AGENDA_SQL, [id]),
      this.report(id),
    ]);
    const agenda = agendaRows.map((r) => toAgendaItem(r, row.time_zone));
    return {
      ...toVisitSummary(row),
      purpose: row.purpose,
      purposeHtml: row.purpose_html,
      createdBy: userRef(row.created_by, row.created_by_name),
      cancelReason: row.cancel_reason,
      sequence: row.sequence,
      dateOptions: options.map((o) => toDateOption(o, row.time_zone, user.id)),
      agenda,
      warnings: overlapWarnings(agenda),
      report,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  async report(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<VisitReportDto | null> {
    const [row]: ReportRow[] = await manager.query(REPORT_SQL, [visitId]);
    if (!row) return null;
    return {
      seen: row.seen,
      seenHtml: row.seen_html,
      practices: row.practices,
      practicesHtml: row.practices_html,
      actions: row.actions.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        milestone: a.milestone ? toMilestone(a.milestone) : null,
      })),
      updatedAt: iso(row.updated_at),
      updatedBy: userRef(row.updated_by, row.updated_by_name),
    };
  }

  /** A coordinator of a member city plans a visit: fixed dates or a date poll; it starts as a draft. */
  async create(user: AuthUser, dto: CreateVisitDto): Promise<VisitDto> {
    checkDates(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.requirePartnership(user, dto.partnershipId, { private: true, manager });
      if (!access.isAdmin && access.role !== 'coordinator') {
        throw AppError.forbidden("Only coordinators of the partnership's cities can plan a visit.");
      }
      if (!OPEN_PARTNERSHIP.includes(access.status)) {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; no visits can be planned.`);
      }
      const [city]: { time_zone: string }[] = await manager.query(
        `SELECT c.time_zone FROM partnership_cities pc JOIN cities c ON c.id = pc.city_id
          WHERE pc.partnership_id = $1 AND pc.city_id = $2 AND pc.status = 'member'`,
        [dto.partnershipId, dto.hostCityId],
      );
      if (!city) throw AppError.validation({ hostCityId: ['must be a member city of the partnership'] });
      if (!isValidTimeZone(city.time_zone)) {
        throw AppError.validation({ hostCityId: [`the city's time zone ${city.time_zone} is unknown`] });
      }
      const purpose = dto.purpose ?? '';
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO visits (partnership_id, host_city_id, title, purpose, purpose_html, themes, capacity,
                             registration_deadline, time_zone, start_date, end_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          dto.partnershipId,
          dto.hostCityId,
          dto.title,
          purpose,
          renderMarkdown(purpose),
          dto.themes,
          dto.capacity,
          dto.registrationDeadline ?? null,
          city.time_zone,
          dto.dates?.startDate ?? null,
          dto.dates?.endDate ?? null,
          user.id,
        ],
      );
      if (dto.dateOptions) {
        await manager.query(
          `INSERT INTO visit_date_options (visit_id, start_date, end_date)
           SELECT $1, * FROM unnest($2::date[], $3::date[])`,
          [row.id, dto.dateOptions.map((o) => o.startDate), dto.dateOptions.map((o) => o.endDate)],
        );
      }
      return row.id;
    });
    return this.read(user, id);
  }

  /**
   * Coordinators edit the title, purpose, themes, capacity and deadline until the visit is over.
   * Capacity cannot drop below the places taken; raising it promotes the waitlist.
   */
  async update(user: AuthUser, id: string, dto: UpdateVisitDto): Promise<VisitDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const { visit } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can edit a visit.',
      });
      if (visit.status === 'completed' || visit.status === 'cancelled') {
        throw new AppError(ErrorCode.INVALID_STATE, `This visit is ${visit.status}; it can no longer change.`);
      }
      if (dto.capacity !== undefined && dto.capacity < visit.places_taken) {
        throw AppError.validation({
          capacity: [`${visit.places_taken} places are already taken; capacity cannot be lower`],
        });
      }
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.title !== undefined) set('title', dto.title);
      if (dto.purpose !== undefined) {
        set('purpose', dto.purpose);
        set('purpose_html', renderMarkdown(dto.purpose));
      }
      if (dto.themes !== undefined) set('themes', dto.themes);
      if (dto.capacity !== undefined) set('capacity', dto.capacity);
      if (dto.registrationDeadline !== undefined) set('registration_deadline', dto.registrationDeadline);
      if (sets.length === 0) return { items: [] };
      // What calendars show (title, description) changed: bump the iCalendar SEQUENCE.
      if (dto.title !== undefined || dto.purpose !== undefined) sets.push('sequence = sequence + 1');
      await manager.query(`UPDATE visits SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      if (dto.capacity !== undefined && dto.capacity > visit.capacity) {
        return promoteWaitlist(manager, this.notifications, { id, title: dto.title ?? visit.title }, user.id);
      }
      return { items: [] };
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'details');
    return this.read(user, id);
  }

  /**
   * Moves the visit along VISIT_TRANSITIONS. Confirming needs fixed dates; cancelling needs a
   * reason. Every move bumps the iCalendar SEQUENCE. Opening notifies the partnership's members;
   * cancelling notifies the registered and waitlisted delegates.
   */
  async transition(user: AuthUser, id: string, dto: TransitionVisitDto): Promise<VisitDto> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can move a visit.',
      });
      const from = visit.status;
      const to = dto.status;
      if (!VISIT_TRANSITIONS[from].includes(to)) {
        const allowed = VISIT_TRANSITIONS[from];
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `A visit cannot go from ${from} to ${to}` +
            (allowed.length ? `; from ${from} it can go to ${allowed.join(' or ')}.` : `: ${from} is final.`),
        );
      }
      const reason = dto.reason ?? '';
      if (to === 'cancelled' && !reason) throw AppError.validation({ reason: ['say why the visit is cancelled'] });
      if (to !== 'cancelled' && reason)
        throw AppError.validation({ reason: ['a reason is only given when cancelling'] });
      if (to === 'confirmed' && visit.start_date === null) {
        throw new AppError(ErrorCode.INVALID_STATE, 'Pick the dates from the poll before confirming the visit.');
      }
      await manager.query(
        `UPDATE visits SET status = $2, cancel_reason = $3, sequence = sequence + 1, updated_at = now() WHERE id = $1`,
        [id, to, to === 'cancelled' ? reason : null],
      );
      const actor = { id: user.id, displayName: user.displayName };
      const ref = { id, title: visit.title };
      if (to === 'open') {
        const rows: { user_id: string; host_slug: string; host_name: string; partnership_title: string }[] =
          await manager.query(
            `SELECT DISTINCT m.user_id, c.slug AS host_slug, c.name AS host_name, p.title AS partnership_title
               FROM partnership_cities pc
               JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
               JOIN partnerships p ON p.id = pc.partnership_id
               JOIN cities c ON c.id = $2
              WHERE pc.partnership_id = $1 AND pc.status = 'member'`,
            [visit.partnership_id, visit.host_city_id],
          );
        return this.notifications.create(
          manager,
          rows.map((r) => ({
            userId: r.user_id,
            kind: 'visit.opened' as const,
            payload: {
              actor,
              visit: ref,
              partnership: { id: visit.partnership_id, title: r.partnership_title },
              hostCity: { id: visit.host_city_id, slug: r.host_slug, name: r.host_name },
              startDate: visit.start_date,
              endDate: visit.end_date,
            },
          })),
          user.id,
        );
      }
      if (to === 'cancelled') {
        const rows: { user_id: string }[] = await manager.query(
          `SELECT user_id FROM visit_registrations WHERE visit_id = $1 AND status IN ('registered', 'waitlisted')`,
          [id],
        );
        return this.notifications.create(
          manager,
          rows.map((r) => ({
            userId: r.user_id,
            kind: 'visit.cancelled' as const,
            payload: { actor, visit: ref, reason },
          })),
          user.id,
        );
      }
      return { items: [] };
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'status');
    return this.read(user, id);
  }
}

/** Exactly one of fixed dates or 2–10 poll options; each range a real span of at most 31 days. */
function checkDates(dto: CreateVisitDto): void {
  const hasDates = dto.dates !== undefined && dto.dates !== null;
  const hasOptions = dto.dateOptions !== undefined;
  if (hasDates && hasOptions) {
    const message = 'give either fixed dates or dateOptions for a poll, not both';
    throw AppError.validation({ dates: [message], dateOptions: [message] });
  }
  if (!hasDates && !hasOptions) {
    const message = 'give fixed dates, or dateOptions for a date poll';
    throw AppError.validation({ dates: [message], dateOptions: [message] });
  }
  const fields: FieldErrors = {};
  const check = (range: DateRangeDto, field: string) => {
    if (!isCalendarDate(range.startDate)) fields[`${field}.startDate`] = ['startDate must be a date (YYYY-MM-DD)'];
    if (!isCalendarDate(range.endDate)) fields[`${field}.endDate`] = ['endDate must be a date (YYYY-MM-DD)'];
    if (!isCalendarDate(range.startDate) || !isCalendarDate(range.endDate)) return;
    const days = calendarDaysBetween(range.startDate, range.endDate) + 1;
    if (days < 1) fields[`${field}.endDate`] = ['endDate must not be before startDate'];
    else if (days > VISIT_LIMITS.durationDaysMax) {
      fields[`${field}.endDate`] = [`a visit lasts at most ${VISIT_LIMITS.durationDaysMax} days`];
    }
  };
  if (dto.dates) check(dto.dates, 'dates');
  const seen = new Set<string>();
  dto.dateOptions?.forEach((option, i) => {
    check(option, `dateOptions.${i}`);
    const key = `${option.startDate}/${option.endDate}`;
    if (seen.has(key)) fields[`dateOptions.${i}`] = ['this date range is already an option'];
    seen.add(key);
  });
  if (Object.keys(fields).length > 0) throw AppError.validation(fields);
}
