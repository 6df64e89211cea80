import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { ErrorCode, type FieldErrors, type VisitReportActionDto, type VisitReportDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import type { ActionToMilestoneDto, VisitReportBodyDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { isMemberSql } from './visit-rows';
import { VisitsService } from './visits.service';

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
    private readonly visitAccess: VisitAccess,
    private readonly visits: VisitsService,
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
      const existing: { id: string }[] = await manager.query(
        `SELECT id FROM visit_report_actions WHERE visit_id = $1`,
        [id],
      );
      const known = new Set(existing.map((a) => a.id));
      const fields: FieldErrors = {};
      const seen = new Set<string>();
      dto.actions.forEach((a, i) => {
        if (a.id === undefined) return;
        if (!known.has(a.id) || seen.has(a.id)) fields[`actions.${i}.id`] = ['is not an action of this report'];
        seen.add(a.id);
      });
      if (Object.keys(fields).length > 0) throw AppError.validation(fields);

      await manager.query(
        `INSERT INTO visit_reports (visit_id, seen, seen_html, practices, practices_html, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (visit_id) DO UPDATE
           SET seen = EXCLUDED.seen, seen_html = EXCLUDED.seen_html, practices = EXCLUDED.practices,
               practices_html = EXCLUDED.practices_html, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [id, dto.seen, renderMarkdown(dto.seen), dto.practices, renderMarkdown(dto.practices), user.id],
      );
      const kept = dto.actions.flatMap((a, position) => (a.id ? [{ ...a, id: a.id, position }] : []));
      const added = dto.actions.flatMap((a, position) => (a.id ? [] : [{ ...a, position }]));
      await manager.query(`DELETE FROM visit_report_actions WHERE visit_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
        id,
        kept.map((a) => a.id),
      ]);
      if (kept.length) {
        await manager.query(
          `UPDATE visit_report_actions a SET position = x.position, title = x.title, description = x.description
             FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS x(id, position, title, description)
            WHERE a.id = x.id AND a.visit_id = $1`,
          [
            id,
            kept.map((a) => a.id),
            kept.map((a) => a.position),
            kept.map((a) => a.title),
            kept.map((a) => a.description ?? ''),
          ],
        );
      }
      if (added.length) {
        await manager.query(
          `INSERT INTO visit_report_actions (visit_id, position, title, description)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
          [id, added.map((a) => a.position), added.map((a) => a.title), added.map((a) => a.description ?? '')],
        );
      }
    });
    this.realtime.visitChanged(id, 'report');
    const report = await this.visits.report(id);
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
      const [action]: { id: string; title: string; milestone_id: string | null }[] = await manager.query(
        `SELECT a.id, a.title, ms.id AS milestone_id
           FROM visit_report_actions a LEFT JOIN partnership_milestones ms ON ms.id = a.milestone_id
          WHERE a.id = $1 AND a.visit_id = $2`,
        [actionId, id],
      );
      if (!action) throw AppError.notFound('Report action');
      if (action.milestone_id) return false;
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; its plan is closed.`);
      }
      if (dto.ownerId) {
        const owner = await manager.query(`SELECT 1 WHERE ${isMemberSql('$1::uuid', '$2::uuid')}`, [
          visit.partnership_id,
          dto.ownerId,
        ]);
        if (owner.length === 0) throw AppError.validation({ ownerId: ['must be a member of the partnership'] });
      }
      const title =
        action.title.length > MILESTONE_TITLE_MAX
          ? `${action.title.slice(0, MILESTONE_TITLE_MAX - 1).trimEnd()}…`
          : action.title;
      const [milestone]: { id: string }[] = await manager.query(
        `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status, created_by)
         VALUES ($1, $2, $3, $4, 'planned', $5) RETURNING id`,
        [visit.partnership_id, title, dto.ownerId ?? null, dto.dueDate ?? null, user.id],
      );
      await manager.query(`UPDATE visit_report_actions SET milestone_id = $2 WHERE id = $1`, [actionId, milestone.id]);
      await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [visit.partnership_id]);
      return true;
    });
    if (created) this.realtime.visitChanged(id, 'report');
    const report = await this.visits.report(id);
    const action = report?.actions.find((a) => a.id === actionId);
    if (!action) throw AppError.notFound('Report action');
    return { action, created };
  }
}
