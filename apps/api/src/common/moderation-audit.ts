import {
  FLAG_REASONS,
  type AuditAction,
  type AuditEntryDto,
  type AuditPostRef,
  type FlagReason,
} from '@twinning/contracts';
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

const POST_LABEL = /^#(\d+) in “([\s\S]*)”(?: by ([\s\S]+))?$/;

/** The post a label written by `postLabel` names, or null (a label cut at 500 characters, another kind). */
export function parsePostLabel(label: string): AuditPostRef | null {
  const match = POST_LABEL.exec(label);
  if (!match) return null;
  return { seq: Number(match[1]), threadTitle: match[2], authorName: match[3] ?? null };
}

const isFlagReason = (value: string): value is FlagReason => (FLAG_REASONS as readonly string[]).includes(value);

/** How an audit entry names a flag: its reason and the post it reports. */
export function flagLabel(reason: FlagReason, post: { seq: number; threadTitle: string; authorName?: string }): string {
  return `${reason} flag on ${postLabel(post)}`;
}

/** The reason and post a label written by `flagLabel` names, or null. */
export function parseFlagLabel(label: string): { reason: FlagReason; post: AuditPostRef } | null {
  const match = /^(\w+) flag on ([\s\S]*)$/.exec(label);
  const post = match ? parsePostLabel(match[2]) : null;
  return match && post && isFlagReason(match[1]) ? { reason: match[1], post } : null;
}

/** The reason recorded when a post is hidden because a flag was upheld and the moderator wrote none. */
export function flaggedReason(reason: FlagReason): string {
  return `Flagged as ${reason.replace('_', ' ')}`;
}

/** The flag reason of a reason written by `flaggedReason`, or null (a moderator's own words). */
export function parseFlaggedReason(reason: string): FlagReason | null {
  return FLAG_REASONS.find((r) => reason === flaggedReason(r)) ?? null;
}

/**
 * The structured parts of an audit entry that its stored English texts carry (post and flag labels, the
 * automatic reason), so clients can word them in the reader's language.
 */
export function auditEntryParts(
  targetType: AuditEntryDto['target']['type'],
  label: string,
  reason: string,
): { post?: AuditPostRef; flagReason?: FlagReason; reasonFlagged?: FlagReason } {
  const parts: { post?: AuditPostRef; flagReason?: FlagReason; reasonFlagged?: FlagReason } = {};
  if (targetType === 'post') {
    const post = parsePostLabel(label);
    if (post) parts.post = post;
  } else if (targetType === 'flag') {
    const flag = parseFlagLabel(label);
    if (flag) Object.assign(parts, { post: flag.post, flagReason: flag.reason });
  }
  const flagged = parseFlaggedReason(reason);
  if (flagged) parts.reasonFlagged = flagged;
  return parts;
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
