import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  holdsRole,
  type Page,
  type PlatformRole,
  type WorkshopDto,
  type WorkshopSummaryDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { FieldIssue } from '../common/field-issues';
import { decodeCursor, keysetPage } from '../common/cursor';
import { renderMarkdown } from '../common/markdown';
import { iso } from '../common/sql';
import { NotificationsService, type NewNotification } from '../notifications';
import type { CreateWorkshopDto, UpdateWorkshopDto, WorkshopListQueryDto } from './dto/workshops.dto';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { WorkshopCalendar } from './workshop-calendar';
import { WorkshopFacilitatorsRepository } from './workshop-facilitators.repository';
import { meetingAuditEntry, summary } from './workshop-rules';
import { WorkshopsRepository, type LockedWorkshop, type WorkshopViewer } from './workshops.repository';

/** Roles that may create workshops and be made co-facilitators. */
export const FACILITATOR_ROLES: readonly PlatformRole[] = ['facilitator', 'admin'];

/** Whether a set of platform roles lets its holder create workshops and be a co-facilitator. */
export const mayFacilitate = (roles: readonly PlatformRole[]): boolean =>
  FACILITATOR_ROLES.some((role) => holdsRole(roles, role));

function scheduleError(field: 'startsAt' | 'endsAt'): AppError {
  return AppError.field(field, field === 'endsAt' ? 'afterStart' : 'beforeEnd');
}

/**
 * Workshops over REST: the list and the page, creating and editing. Writes follow params →
 * policy → transaction → publish after commit. (Opening and ending: WorkshopLifecycleService;
 * co-facilitators: WorkshopFacilitatorsService; registration: WorkshopRegistrations; messages,
 * transcript and audit: WorkshopHistoryService.)
 */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly workshops: WorkshopsRepository,
    private readonly facilitators: WorkshopFacilitatorsRepository,
    private readonly calendar: WorkshopCalendar,
    private readonly audit: WorkshopAuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The workshops the viewer may see, one part of the list at a time; one statement per page. */
  async list(user: AuthUser, query: WorkshopListQueryDto): Promise<Page<WorkshopSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.workshops.list(this.viewer(user), {
      when: query.when ?? 'upcoming',
      theme: query.theme,
      partnershipId: query.partnershipId,
      mine: query.mine,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      limit: limit + 1,
    });
    return keysetPage(
      rows,
      limit,
      (row) => row.item,
      (row) => row.key,
    );
  }

  /** The workshop page; 404 when the viewer may not see it. One statement. */
  async get(
    user: AuthUser,
    workshopId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkshopDto> {
    const workshop = await this.workshops.detail(this.viewer(user), workshopId, manager);
    if (!workshop) throw AppError.notFound('Workshop');
    return workshop;
  }

  /**
   * A new scheduled workshop. Facilitators and admins only; a partnership workshop needs a
   * partnership whose private spaces the creator sees. Co-facilitators are notified.
   */
  async create(user: AuthUser, dto: CreateWorkshopDto): Promise<WorkshopDto> {
    this.requireFacilitatorRole(user, 'Only facilitators and admins can create workshops.');
    if (Date.parse(dto.startsAt) >= Date.parse(dto.endsAt)) throw scheduleError('endsAt');
    const { workshopId, created } = await this.dataSource.transaction(async (manager) => {
      if (dto.scope === 'partnership' && dto.partnershipId) {
        await this.access.requirePartnership(user, dto.partnershipId, { private: true, manager });
      }
      const coIds = (dto.facilitatorIds ?? []).filter((id) => id !== user.id);
      await this.requireFacilitatorUsers(manager, coIds, 'facilitatorIds');
      const row = await this.workshops.insert(manager, {
        title: dto.title,
        description: dto.description,
        descriptionHtml: renderMarkdown(dto.description),
        theme: dto.theme,
        language: dto.language,
        scope: dto.scope,
        partnershipId: dto.scope === 'partnership' ? (dto.partnershipId ?? null) : null,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        capacity: dto.capacity ?? null,
        meetingUrl: dto.meetingUrl || null,
        createdBy: user.id,
      });
      // the creator first, so the facilitators list starts with them
      await this.facilitators.addAll(manager, row.id, [user.id, ...coIds]);
      await this.recordMeetingChange(manager, user, row.id, null, dto.meetingUrl || null);
      const notified = await this.notifications.create(
        manager,
        coIds.map((userId): NewNotification => ({
          userId,
          kind: 'workshop.facilitator_added',
          payload: {
            actor: summary(user),
            workshop: { id: row.id, title: row.title },
            startsAt: iso(row.starts_at),
          },
        })),
        user.id,
      );
      return { workshopId: row.id, created: notified };
    });
    await this.notifications.publish(created);
    return this.get(user, workshopId);
  }

  /**
   * Facilitators edit a scheduled or live workshop (INVALID_STATE once ended). The schedule stays
   * ordered and the capacity never drops below the places already taken.
   */
  async update(user: AuthUser, workshopId: string, dto: UpdateWorkshopDto): Promise<WorkshopDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, workshopId);
      if (row.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; it can no longer be edited.');
      }
      const startsAt = dto.startsAt !== undefined ? Date.parse(dto.startsAt) : row.starts_at.getTime();
      const endsAt = dto.endsAt !== undefined ? Date.parse(dto.endsAt) : row.ends_at.getTime();
      if (startsAt >= endsAt) throw scheduleError(dto.endsAt !== undefined ? 'endsAt' : 'startsAt');
      if (dto.capacity !== undefined && dto.capacity !== null && dto.capacity < row.registered_count) {
        throw AppError.field('capacity', 'belowRegistered', { min: row.registered_count });
      }
      await this.workshops.update(manager, workshopId, {
        title: dto.title,
        description: dto.description,
        descriptionHtml: dto.description !== undefined ? renderMarkdown(dto.description) : undefined,
        theme: dto.theme,
        language: dto.language,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        capacity: dto.capacity,
        meetingUrl: dto.meetingUrl === undefined ? undefined : dto.meetingUrl || null,
      });
      if (dto.meetingUrl !== undefined) {
        await this.recordMeetingChange(manager, user, workshopId, row.meeting_url, dto.meetingUrl || null);
      }
      // What calendars show changed: a higher SEQUENCE; a new title or time is mailed as an update
      // to everyone holding a place (a new description waits for the next one).
      const retimed =
        (dto.title !== undefined && dto.title !== row.title) ||
        startsAt !== row.starts_at.getTime() ||
        endsAt !== row.ends_at.getTime();
      if (retimed || (dto.description !== undefined && dto.description !== row.description)) {
        await this.workshops.bumpSequence(manager, workshopId);
      }
      if (retimed) await this.calendar.invite(manager, workshopId, 'updated');
    });
    return this.get(user, workshopId);
  }

  /** A meeting link added, changed or removed goes into the workshop's log (its provider, never the link). */
  private async recordMeetingChange(
    manager: EntityManager,
    user: AuthUser,
    workshopId: string,
    before: string | null,
    after: string | null,
  ): Promise<void> {
    const entry = meetingAuditEntry(before, after, this.config.meetingEmbedOrigins);
    if (entry) await this.audit.record(manager, { workshopId, actorId: user.id, ...entry });
  }

  /** The workshop row, locked until the transaction ends (NOT_FOUND when there is none). */
  async lock(manager: EntityManager, workshopId: string): Promise<LockedWorkshop> {
    const row = await this.workshops.lock(manager, workshopId);
    if (!row) throw AppError.notFound('Workshop');
    return row;
  }

  requireFacilitatorRole(user: AuthUser, message: string): void {
    if (!FACILITATOR_ROLES.some((role) => hasRole(user, role))) throw AppError.forbidden(message);
  }

  /** Every id names a user with the facilitator or admin role; otherwise VALIDATION_FAILED on `field`. */
  async requireFacilitatorUsers(manager: EntityManager, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.facilitators.users(manager, ids);
    const problems: FieldIssue[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) problems.push({ rule: 'unknownUser', params: { field, value: id } });
      else if (!mayFacilitate(row.roles)) {
        problems.push({ rule: 'notFacilitator', params: { field, value: row.display_name } });
      }
    }
    if (problems.length > 0) throw AppError.fromIssues({ [field]: problems });
  }

  private viewer(user: AuthUser): WorkshopViewer {
    const isAdmin = hasRole(user, 'admin');
    return {
      id: user.id,
      isAdmin,
      visibleSql: this.access.visibleWorkshopsSql('w', '$1', isAdmin),
      meeting: { now: this.clock.now(), embedOrigins: this.config.meetingEmbedOrigins },
    };
  }
}
