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
  type VisitSummaryDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { renderMarkdown } from '../common/markdown';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import type { CreateVisitDto, DateRangeDto, TransitionVisitDto, UpdateVisitDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { VisitAgendaRepository } from './visit-agenda.repository';
import { VisitInvitations } from './visit-invitations';
import { VisitPollRepository } from './visit-poll.repository';
import { VisitRegistrationsRepository } from './visit-registrations.repository';
import { VisitReportsRepository } from './visit-reports.repository';
import { toVisit } from './visit-rows';
import { VisitWaitlist } from './visit-waitlist';
import { VisitsRepository, type Viewer } from './visits.repository';

const OPEN_PARTNERSHIP = ['proposed', 'active'];

const viewer = (user: AuthUser): Viewer => ({ id: user.id, isAdmin: hasRole(user, 'admin') });

/**
 * Study visits: the list across the viewer's partnerships, the visit page, planning (create, edit)
 * and the state machine. Poll, agenda, registrations, calendars and the report have their own
 * services; they all answer with `read`, the one builder of VisitDto.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visits: VisitsRepository,
    private readonly poll: VisitPollRepository,
    private readonly agenda: VisitAgendaRepository,
    private readonly registrations: VisitRegistrationsRepository,
    private readonly reports: VisitReportsRepository,
    private readonly access: AccessService,
    private readonly visitAccess: VisitAccess,
    private readonly waitlist: VisitWaitlist,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
    private readonly invitations: VisitInvitations,
  ) {}

  /**
   * Visits in the viewer's partnerships (every visit for admins), by date: soonest first, or latest
   * first for `when=past`. Visits still polling sort by their earliest option. One statement.
   */
  async list(user: AuthUser, query: VisitListQuery): Promise<Page<VisitSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const who = viewer(user);
    const rows = await this.visits.list(who, {
      memberOnly: !who.isAdmin,
      partnershipId: query.partnershipId,
      when: query.when,
      month: query.month,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      take: limit + 1,
    });
    return keysetPage(
      rows,
      limit,
      (r) => r.visit,
      (r) => [r.sortKey, r.visit.id],
    );
  }

  async detail(user: AuthUser, id: string): Promise<VisitDto> {
    await this.visitAccess.require(user, id);
    return this.read(user, id);
  }

  /** The visit page as `user` sees it. Callers have checked access. */
  async read(user: AuthUser, id: string): Promise<VisitDto> {
    const row = await this.visits.detail(viewer(user), id);
    if (!row) throw AppError.notFound('Visit');
    const [options, agenda, report] = await Promise.all([
      this.poll.options(id),
      this.agenda.items(id),
      this.reports.find(id),
    ]);
    return toVisit(row, options, agenda, report, user.id);
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
      const timeZone = await this.visits.memberCityTimeZone(dto.partnershipId, dto.hostCityId, manager);
      if (timeZone === undefined)
        throw AppError.validation({ hostCityId: ['must be a member city of the partnership'] });
      if (!isValidTimeZone(timeZone)) {
        throw AppError.validation({ hostCityId: [`the city's time zone ${timeZone} is unknown`] });
      }
      const purpose = dto.purpose ?? '';
      const visitId = await this.visits.insert(
        {
          partnershipId: dto.partnershipId,
          hostCityId: dto.hostCityId,
          title: dto.title,
          purpose,
          purposeHtml: renderMarkdown(purpose),
          themes: dto.themes,
          capacity: dto.capacity,
          registrationDeadline: dto.registrationDeadline ?? null,
          timeZone,
          startDate: dto.dates?.startDate ?? null,
          endDate: dto.dates?.endDate ?? null,
          createdBy: user.id,
        },
        manager,
      );
      if (dto.dateOptions) await this.poll.insertOptions(visitId, dto.dateOptions, manager);
      return visitId;
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
      const changes = {
        title: dto.title,
        purpose: dto.purpose,
        purposeHtml: dto.purpose === undefined ? undefined : renderMarkdown(dto.purpose),
        themes: dto.themes,
        capacity: dto.capacity,
        registrationDeadline: dto.registrationDeadline,
      };
      if (Object.values(changes).every((value) => value === undefined)) return { items: [] };
      // What calendars show (title, description) changed: bump the iCalendar SEQUENCE.
      await this.visits.update(id, changes, dto.title !== undefined || dto.purpose !== undefined, manager);
      // a new title reaches the registrants' calendars as an update (a new purpose waits for the next one)
      if (dto.title !== undefined && dto.title !== visit.title) await this.invitations.send(manager, id, 'updated');
      if (dto.capacity !== undefined && dto.capacity > visit.capacity) {
        return this.waitlist.promote(manager, { id, title: dto.title ?? visit.title }, user.id);
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
      await this.visits.setStatus(id, to, to === 'cancelled' ? reason : null, manager);
      const actor = { id: user.id, displayName: user.displayName };
      const ref = { id, title: visit.title };
      if (to === 'open') {
        const rows = await this.visits.officialsToTell(visit.partnership_id, visit.host_city_id, manager);
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
        await this.invitations.send(manager, id, 'cancelled');
        const userIds = await this.registrations.activeUserIds(id, manager);
        return this.notifications.create(
          manager,
          userIds.map((userId) => ({
            userId,
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
