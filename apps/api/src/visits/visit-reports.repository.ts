import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VisitReportDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { iso } from '../common/sql';
import { MilestonesRepository } from '../partnerships';
import { userRef } from './visit-rows';
import { isMemberSql } from './visit-sql';

interface ReportRow {
  seen: string;
  seen_html: string;
  practices: string;
  practices_html: string;
  updated_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  actions: { id: string; title: string; description: string; milestone_id: string | null }[];
}

/** The report's texts, Markdown and rendered. */
export interface ReportTexts {
  seen: string;
  seenHtml: string;
  practices: string;
  practicesHtml: string;
}

/** A follow-up action at its place in the report; kept ones have an id. */
export interface ReportAction {
  id?: string;
  position: number;
  title: string;
  description: string;
}

const REPORT_SQL = `
  SELECT r.seen, r.seen_html, r.practices, r.practices_html, r.updated_at, r.updated_by, u.display_name AS updated_by_name,
         coalesce((SELECT json_agg(json_build_object(
                            'id', a.id, 'title', a.title, 'description', a.description, 'milestone_id', a.milestone_id)
                          ORDER BY a.position, a.id)
                     FROM visit_report_actions a WHERE a.visit_id = r.visit_id), '[]') AS actions
    FROM visit_reports r LEFT JOIN users u ON u.id = r.updated_by
   WHERE r.visit_id = $1`;

/**
 * `visit_reports` and `visit_report_actions`. The milestones that actions become belong to the
 * partnership's action plan: they are read and written through the partnerships feature's
 * MilestonesRepository.
 */
@Injectable()
export class VisitReportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly milestones: MilestonesRepository,
  ) {}

  /**
   * The report with its actions in order, each with its milestone; null before one is written. One
   * statement, and one more for the milestones when any action has become one.
   */
  async find(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<VisitReportDto | null> {
    const [row]: ReportRow[] = await manager.query(REPORT_SQL, [visitId]);
    if (!row) return null;
    const milestoneIds = row.actions.flatMap((a) => (a.milestone_id ? [a.milestone_id] : []));
    const milestones = await this.milestones.findByIds(milestoneIds, manager);
    return {
      seen: row.seen,
      seenHtml: row.seen_html,
      practices: row.practices,
      practicesHtml: row.practices_html,
      actions: row.actions.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        milestone: (a.milestone_id && milestones.get(a.milestone_id)) || null,
      })),
      updatedAt: iso(row.updated_at),
      updatedBy: userRef(row.updated_by, row.updated_by_name),
    };
  }

  async actionIds(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const existing: { id: string }[] = await manager.query(`SELECT id FROM visit_report_actions WHERE visit_id = $1`, [
      visitId,
    ]);
    return new Set(existing.map((a) => a.id));
  }

  async saveTexts(
    visitId: string,
    texts: ReportTexts,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO visit_reports (visit_id, seen, seen_html, practices, practices_html, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (visit_id) DO UPDATE
         SET seen = EXCLUDED.seen, seen_html = EXCLUDED.seen_html, practices = EXCLUDED.practices,
             practices_html = EXCLUDED.practices_html, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [visitId, texts.seen, texts.seenHtml, texts.practices, texts.practicesHtml, userId],
    );
  }

  /**
   * Makes the report's actions these: kept ones (with an id) are updated and reordered, new ones
   * added, the rest deleted (their milestones stay). Up to three statements.
   */
  async replaceActions(
    visitId: string,
    actions: ReportAction[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const kept = actions.flatMap((a) => (a.id ? [{ ...a, id: a.id }] : []));
    const added = actions.filter((a) => !a.id);
    await manager.query(`DELETE FROM visit_report_actions WHERE visit_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
      visitId,
      kept.map((a) => a.id),
    ]);
    if (kept.length) {
      await manager.query(
        `UPDATE visit_report_actions a SET position = x.position, title = x.title, description = x.description
           FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS x(id, position, title, description)
          WHERE a.id = x.id AND a.visit_id = $1`,
        [
          visitId,
          kept.map((a) => a.id),
          kept.map((a) => a.position),
          kept.map((a) => a.title),
          kept.map((a) => a.description),
        ],
      );
    }
    if (added.length) {
      await manager.query(
        `INSERT INTO visit_report_actions (visit_id, position, title, description)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
        [visitId, added.map((a) => a.position), added.map((a) => a.title), added.map((a) => a.description)],
      );
    }
  }

  /** The action and the milestone it is linked to, if any (undefined when it is not an action of the visit). */
  async findAction(
    visitId: string,
    actionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; title: string; milestone_id: string | null } | undefined> {
    const [action]: { id: string; title: string; milestone_id: string | null }[] = await manager.query(
      `SELECT a.id, a.title, a.milestone_id
         FROM visit_report_actions a
        WHERE a.id = $1 AND a.visit_id = $2`,
      [actionId, visitId],
    );
    return action;
  }

  /** The user is an approved official of one of the partnership's member cities. */
  async isMember(
    partnershipId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 WHERE ${isMemberSql('$1::uuid', '$2::uuid')}`, [
      partnershipId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Links the action to the milestone it became. */
  async linkMilestone(actionId: string, milestoneId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE visit_report_actions SET milestone_id = $2 WHERE id = $1`, [actionId, milestoneId]);
  }
}
