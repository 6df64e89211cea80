import type { EntityManager } from 'typeorm';
import { postLabel, recordAudit, recordPostAudit } from '../../common/moderation-audit';
import type { DemoThread } from './demo-forum-threads';

/** A demo thread as inserted: what its moderation needs. */
export interface SeededThread {
  id: string;
  forumId: string;
  title: string;
  /** Post ids by position (seq − 1). */
  postIds: string[];
}

/**
 * What moderators did to a demo thread, written as the moderation services write it (the same row
 * changes, and audit rows through the same `recordAudit` / `recordPostAudit` helpers), so the queue
 * and the audit log have entries: open flags, an upheld flag that hid its post, a dismissed one, a
 * post hidden directly, a pinned and a locked thread. Audit times are set back to fit the thread's.
 */
export async function moderateDemoThread(
  manager: EntityManager,
  thread: DemoThread,
  seeded: SeededThread,
  userId: (key: string) => string,
): Promise<void> {
  const authors: { id: string; display_name: string }[] = await manager.query(
    `SELECT p.id, u.display_name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.thread_id = $1`,
    [seeded.id],
  );
  const authorOf = (postId: string) => authors.find((a) => a.id === postId)?.display_name ?? '';
  let hoursAgo = 3;
  const backdate = (targetId: string) =>
    manager.query(
      `UPDATE moderation_audit SET created_at = now() - make_interval(mins => $2::int)
        WHERE target_id = $1 AND created_at > now() - interval '1 minute'`,
      [targetId, hoursAgo-- * 60],
    );

  for (const [i, post] of thread.posts.entries()) {
    const postId = seeded.postIds[i];
    const audited = {
      id: postId,
      seq: i + 1,
      thread_title: seeded.title,
      author_name: authorOf(postId),
      forum_id: seeded.forumId,
    };
    if (post.flag) {
      const [flag]: { id: string }[] = await manager.query(
        `INSERT INTO post_flags (post_id, reporter_id, reason, note, created_at)
         VALUES ($1, $2, $3, $4, now() - interval '5 hours') RETURNING id`,
        [postId, userId(post.flag.by), post.flag.reason, post.flag.note],
      );
      const resolved = post.flag.resolved;
      if (resolved) {
        const moderator = userId(resolved.by);
        await manager.query(
          `UPDATE post_flags SET status = $2, resolved_by = $3, resolved_at = now() - interval '2 hours' WHERE id = $1`,
          [flag.id, resolved.decision === 'uphold' ? 'upheld' : 'dismissed', moderator],
        );
        await recordAudit(manager, {
          actorId: moderator,
          action: resolved.decision === 'uphold' ? 'flag.uphold' : 'flag.dismiss',
          targetType: 'flag',
          targetId: flag.id,
          targetLabel: `${post.flag.reason} flag on ${postLabel({ seq: i + 1, threadTitle: seeded.title, authorName: audited.author_name })}`,
          forumId: seeded.forumId,
          reason: resolved.reason,
        });
        await backdate(flag.id);
        if (resolved.decision === 'uphold') await hide(manager, audited, moderator, resolved.reason);
        await backdate(postId);
      }
    }
    if (post.hidden) {
      await hide(manager, audited, userId(post.hidden.by), post.hidden.reason);
      await backdate(postId);
    }
  }

  const moderated = thread.moderated;
  if (moderated) {
    const moderator = userId(moderated.by);
    const label = seeded.title;
    if (moderated.pin) {
      await manager.query(`UPDATE threads SET pinned = true WHERE id = $1`, [seeded.id]);
      await recordAudit(manager, {
        actorId: moderator,
        action: 'thread.pin',
        targetType: 'thread',
        targetId: seeded.id,
        targetLabel: label,
        forumId: seeded.forumId,
      });
    }
    if (moderated.lock) {
      await manager.query(`UPDATE threads SET locked = true WHERE id = $1`, [seeded.id]);
      await recordAudit(manager, {
        actorId: moderator,
        action: 'thread.lock',
        targetType: 'thread',
        targetId: seeded.id,
        targetLabel: label,
        forumId: seeded.forumId,
        reason: moderated.lock,
      });
    }
    await backdate(seeded.id);
  }
}

async function hide(
  manager: EntityManager,
  post: { id: string; seq: number; thread_title: string; author_name: string; forum_id: string },
  moderator: string,
  reason: string,
): Promise<void> {
  await manager.query(
    `UPDATE posts SET hidden_at = now() - interval '2 hours', hidden_by = $2, hidden_reason = $3 WHERE id = $1`,
    [post.id, moderator, reason],
  );
  await recordPostAudit(manager, { actorId: moderator, action: 'post.hide', post, reason });
}
