import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntryDto, ForumKind, Theme } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { auditEntryParts } from '../common/moderation-audit';
import { exactTime, iso } from '../common/sql';

export interface AuditRow {
  id: string;
  action: AuditAction;
  target_type: AuditEntryDto['target']['type'];
  target_id: string;
  target_label: string;
  reason: string;
  created_at: Date;
  created_key: string;
  actor_id: string | null;
  actor_name: string | null;
  forum_id: string | null;
  kind: ForumKind | null;
  theme: Theme | null;
  partnership_title: string | null;
  course_title: string | null;
}

export function toAuditDto(row: AuditRow): AuditEntryDto {
  const { post, flagReason, reasonFlagged } = auditEntryParts(row.target_type, row.target_label, row.reason);
  return {
    id: row.id,
    actor: { id: row.actor_id ?? '', displayName: row.actor_name ?? '' },
    action: row.action,
    target: {
      type: row.target_type,
      id: row.target_id,
      label: row.target_label,
      ...(post ? { post } : {}),
      ...(flagReason ? { flagReason } : {}),
    },
    forum:
      row.forum_id && row.kind
        ? {
            id: row.forum_id,
            kind: row.kind,
            theme: row.theme,
            partnershipTitle: row.partnership_title,
            courseTitle: row.course_title,
          }
        : null,
    reason: row.reason,
    ...(reasonFlagged ? { reasonFlagged } : {}),
    createdAt: iso(row.created_at),
  };
}

export interface AuditFilter {
  action?: AuditAction;
  actorId?: string;
}

/**
 * Reads the moderation log, newest first. Its rows are written by `recordAudit` (common/) in the
 * transaction of each moderation action.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` entries after the keyset `after` (created_key, id). One statement. */
  rows(filters: AuditFilter, after: [string, string] | null, limit: number): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filters.action) where.push(`a.action = ${p(filters.action)}`);
    if (filters.actorId) where.push(`a.actor_id = ${p(filters.actorId)}::uuid`);
    if (after) where.push(`(a.created_at, a.id) < (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT a.id, a.action, a.target_type, a.target_id, a.target_label, a.reason, a.created_at,
              ${exactTime('a.created_at')} AS created_key,
              u.id AS actor_id, u.display_name AS actor_name,
              f.id AS forum_id, f.kind, f.theme, pt.title AS partnership_title, f.course_title
         FROM moderation_audit a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN forums f ON f.id = a.forum_id
         LEFT JOIN partnerships pt ON pt.id = f.partnership_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${p(limit)}`,
      params,
    );
  }
}
