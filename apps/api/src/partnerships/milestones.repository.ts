import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateMilestoneRequest,
  MilestoneDto,
  MilestoneStatus,
  UpdateMilestoneRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { affectedRows } from '../common/sql';
import { assignments, userRef } from './partnership-rows';

export interface MilestoneRow {
  id: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: MilestoneStatus;
  created_at: Date;
  updated_at: Date;
}

/**
 * A milestone with its owner's name, on alias `ms`. Exported only because visits still embeds it in
 * one of its queries; new code calls MilestonesRepository.findByIds instead.
 */
export const MILESTONE_SELECT = `
  SELECT ms.id, ms.title, ms.owner_id, o.display_name AS owner_name, to_char(ms.due_date, 'YYYY-MM-DD') AS due_date,
         ms.status, ms.created_at, ms.updated_at
    FROM partnership_milestones ms LEFT JOIN users o ON o.id = ms.owner_id`;

export function toMilestone(row: MilestoneRow): MilestoneDto {
  return {
    id: row.id,
    title: row.title,
    owner: userRef(row.owner_id, row.owner_name),
    dueDate: row.due_date,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A partnership's action plan: its milestones. */
@Injectable()
export class MilestonesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MilestoneDto | undefined> {
    const [row]: MilestoneRow[] = await manager.query(`${MILESTONE_SELECT} WHERE ms.id = $1`, [id]);
    return row && toMilestone(row);
  }

  /** Milestones by id, in one query (none for no ids); unknown ids are absent from the map. */
  async findByIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MilestoneDto>> {
    if (ids.length === 0) return new Map();
    const rows: MilestoneRow[] = await manager.query(`${MILESTONE_SELECT} WHERE ms.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toMilestone(row)]));
  }

  /** The partnership's plan: by due date (undated last), then as created. */
  async ofPartnership(partnershipId: string): Promise<MilestoneDto[]> {
    const rows: MilestoneRow[] = await this.dataSource.query(
      `${MILESTONE_SELECT} WHERE ms.partnership_id = $1 ORDER BY ms.due_date NULLS LAST, ms.created_at, ms.id`,
      [partnershipId],
    );
    return rows.map(toMilestone);
  }

  async insert(
    manager: EntityManager,
    partnershipId: string,
    milestone: CreateMilestoneRequest,
    createdBy: string,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        partnershipId,
        milestone.title,
        milestone.ownerId ?? null,
        milestone.dueDate ?? null,
        milestone.status ?? 'planned',
        createdBy,
      ],
    );
    return row.id;
  }

  /**
   * Adds a milestone to the partnership's plan and touches the partnership (its updated_at), inside
   * the caller's transaction: the action plan's own form and a visit report's follow-up actions both
   * come here. Two statements; the caller has checked who may change the plan.
   */
  async addToPlan(
    manager: EntityManager,
    partnershipId: string,
    milestone: CreateMilestoneRequest,
    createdBy: string,
  ): Promise<string> {
    const id = await this.insert(manager, partnershipId, milestone, createdBy);
    await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [partnershipId]);
    return id;
  }

  /** Sets the fields given (undefined: left as it is) and updated_at; false when the partnership has no such milestone. */
  async update(
    manager: EntityManager,
    partnershipId: string,
    milestoneId: string,
    changes: UpdateMilestoneRequest,
  ): Promise<boolean> {
    const params: unknown[] = [partnershipId, milestoneId];
    const sets = assignments(params, {
      title: changes.title,
      owner_id: changes.ownerId,
      due_date: changes.dueDate,
      status: changes.status,
    });
    const updated = await manager.query(
      `UPDATE partnership_milestones SET ${[...sets, 'updated_at = now()'].join(', ')}
        WHERE partnership_id = $1 AND id = $2 RETURNING id`,
      params,
    );
    return affectedRows(updated) > 0;
  }

  /** False when the partnership has no such milestone. */
  async delete(manager: EntityManager, partnershipId: string, milestoneId: string): Promise<boolean> {
    const deleted = await manager.query(
      `DELETE FROM partnership_milestones WHERE partnership_id = $1 AND id = $2 RETURNING id`,
      [partnershipId, milestoneId],
    );
    return affectedRows(deleted) > 0;
  }
}
