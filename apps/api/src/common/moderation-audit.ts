import type { AuditAction, AuditEntryDto } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string;
  action: AuditAction;
  targetType: AuditEntryDto['target']['type'];
  targetId: string;
  /** What the target was when the action happened (titles and names change later). */
  targetLabel: string;
  forumId: string | null;
  reason?: string;
}

/** Writes one audit row; call it inside the transaction that performs the moderation action. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO moderation_audit (actor_id, action, target_type, target_id, target_label, forum_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.actorId,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.targetLabel.slice(0, 500),
      entry.forumId,
      entry.reason ?? '',
    ],
  );
}

/** How an audit entry names a post: its number and thread. */
export function postLabel(post: { seq: number; threadTitle: string; authorName?: string }): string {
  return `#${post.seq} in “${post.threadTitle}”${post.authorName ? ` by ${post.authorName}` : ''}`;
}

/** A post as the forum repositories return it, with what its audit entry needs. */
export interface AuditedPost {
  id: string;
  seq: number;
  thread_title: string;
  author_name: string;
  forum_id: string;
}

/** Writes the audit row of a moderation action on a post; call it inside the action's transaction. */
export function recordPostAudit(
  manager: EntityManager,
  entry: { actorId: string; action: AuditAction; post: AuditedPost; reason?: string },
): Promise<void> {
  const { post } = entry;
  return recordAudit(manager, {
    actorId: entry.actorId,
    action: entry.action,
    targetType: 'post',
    targetId: post.id,
    targetLabel: postLabel({ seq: post.seq, threadTitle: post.thread_title, authorName: post.author_name }),
    forumId: post.forum_id,
    reason: entry.reason,
  });
}
