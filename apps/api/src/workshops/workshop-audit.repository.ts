import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkshopAuditAction, WorkshopAuditEntryDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { exactTime, iso } from '../common/sql';

export interface WorkshopAuditEntry {
  workshopId: string;
  actorId: string;
  action: WorkshopAuditAction;
  targetUserId?: string | null;
  targetMessageId?: string | null;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  id: string;
  action: WorkshopAuditAction;
  detail: Record<string, unknown>;
  created_at: Date;
  created_key: string;
  actor_id: string | null;
  actor_name: string | null;
  target_id: string | null;
  target_name: string | null;
  target_seq: number | null;
}

/** The facilitators' log of a workshop: one row per change, written in the change's transaction. */
@Injectable()
export class WorkshopAuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one workshop_audit row; call it inside the transaction that makes the change. */
  async record(manager: EntityManager, entry: WorkshopAuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_audit (workshop_id, actor_id, action, target_user_id, target_message_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        entry.workshopId,
        entry.actorId,
        entry.action,
        entry.targetUserId ?? null,
        entry.targetMessageId ?? null,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }

  /**
   * Up to `limit` entries, newest first, before the keyset position `before` (exact time, id);
   * each with its cursor key.
   */
  async page(
    workshopId: string,
    before: [string, string] | null,
    limit: number,
  ): Promise<{ entry: WorkshopAuditEntryDto; key: [string, string] }[]> {
    const params: unknown[] = [workshopId];
    const where = ['a.workshop_id = $1'];
    if (before) {
      params.push(before[0], before[1]);
      where.push(`(a.created_at, a.id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.action, a.detail, a.created_at, ${exactTime('a.created_at')} AS created_key,
              au.id AS actor_id, au.display_name AS actor_name, tu.id AS target_id, tu.display_name AS target_name,
              m.seq AS target_seq
         FROM workshop_audit a
         LEFT JOIN users au ON au.id = a.actor_id
         LEFT JOIN users tu ON tu.id = a.target_user_id
         LEFT JOIN workshop_messages m ON m.id = a.target_message_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      entry: {
        id: r.id,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        targetUser: r.target_id ? { id: r.target_id, displayName: r.target_name ?? '' } : null,
        targetMessageSeq: r.target_seq,
        detail: r.detail,
        createdAt: iso(r.created_at),
      },
      key: [r.created_key, r.id],
    }));
  }
}
