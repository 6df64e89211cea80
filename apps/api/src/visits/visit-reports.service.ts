import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { ErrorCode, type FieldErrors, type VisitReportActionDto, type VisitReportDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import { MilestonesRepository } from '../partnerships';
import type { ActionToMilestoneDto, VisitReportBodyDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { VisitReportsRepository } from './visit-reports.repository';

const MILESTONE_TITLE_MAX = 200;

/**
 * The visit report (what was seen, practices worth transferring, follow-up actions), written by
 * coordinators once the visit is confirmed or completed and read by every member. An action can
 * become a milestone of the partnership's action plan, once: asking again answers the milestone
 * already linked (so a retried request never creates a duplicate).
 */
@Injectable()
export class VisitReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: VisitReportsRepository,
    private readonly milestones: MilestonesRepository,
    private readonly visitAccess: VisitAccess,
    private readonly realtime: NotificationsPublisher,
  ) {}

  /**
   * Replaces the report. Actions listed with an `id` are kept (with their milestone link) and
   * reordered; new ones are added; actions left out are removed (their milestones stay in the plan).
   */
  async put(user: AuthUser, id: string, dto: VisitReportBodyDto): Promise<VisitReportDto> {
    await this.dataSource.transaction(async (manager) => {
      const { visit } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can write the visit report.',
      });
      if (visit.status !== 'confirmed' && visit.status !== 'completed') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `A report is written once the visit is confirmed or completed; this one is ${visit.status}.`,
        );
      }
      const known = await this.reports.actionIds(id, manager);
      const fields: FieldErrors = {};
      const seen = new Set<string>();
      dto.actions.forEach((a, i) => {
        if (a.id === undefined) return;
        if (!known.has(a.id) || seen.has(a.id)) fields[`actions.${i}.id`] = ['is not an action of this report'];
        seen.add(a.id);
      });
      if (Object.keys(fields).length > 0) throw AppError.validation(fields);

      const texts = {
        seen: dto.seen,
        seenHtml: renderMarkdown(dto.seen),
        practices: dto.practices,
        practicesHtml: renderMarkdown(dto.practices),
      };
      await this.reports.saveTexts(id, texts, user.id, manager);
      await this.reports.replaceActions(
        id,
        dto.actions.map((a, position) => ({
          id: a.id,
          position,
          title: a.title,
          description: a.description ?? '',
        })),
        manager,
      );
    });
    this.realtime.visitChanged(id, 'report');
    const report = await this.reports.find(id);
    if (!report) throw AppError.notFound('Report');
    return report;
  }

  /**
   * Turns a follow-up action into a milestone of the partnership's action plan (title from the
   * action) and links it. Returns the action with its milestone and whether it was created now;
   * an action already linked to a milestone answers that one.
   */
  async toMilestone(
    user: AuthUser,
    id: string,
    actionId: string,
    dto: ActionToMilestoneDto,
  ): Promise<{ action: VisitReportActionDto; created: boolean }> {
    const created = await this.dataSource.transaction(async (manager) => {
      const { visit, access } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can change the action plan.',
      });
      const action = await this.reports.findAction(id, actionId, manager);
      if (!action) throw AppError.notFound('Report action');
      if (action.milestone_id) return false;
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; its plan is closed.`);
      }
      if (dto.ownerId && !(await this.reports.isMember(visit.partnership_id, dto.ownerId, manager))) {
        throw AppError.validation({ ownerId: ['must be a member of the partnership'] });
      }
      const title =
        action.title.length > MILESTONE_TITLE_MAX
          ? `${action.title.slice(0, MILESTONE_TITLE_MAX - 1).trimEnd()}…`
          : action.title;
      const milestoneId = await this.milestones.addToPlan(
        manager,
        visit.partnership_id,
        { title, ownerId: dto.ownerId ?? null, dueDate: dto.dueDate ?? null, status: 'planned' },
        user.id,
      );
      await this.reports.linkMilestone(actionId, milestoneId, manager);
      return true;
    });
    if (created) this.realtime.visitChanged(id, 'report');
    const report = await this.reports.find(id);
    const action = report?.actions.find((a) => a.id === actionId);
    if (!action) throw AppError.notFound('Report action');
    return { action, created };
  }
}
