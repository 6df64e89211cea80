import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { THEMES } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { escapeLike } from '../common/sql';
import type { ForumRow } from './forum-rows';

/** Forums with their counts and the viewer's ($1) unread threads (posts after their read position, not muted). */
const FORUM_SELECT = `
  SELECT f.id, f.kind, f.theme, p.id AS partnership_id, p.title AS partnership_title, f.course_id, f.course_title,
         s.thread_count, s.last_posted_at, s.unread_threads
    FROM forums f
    LEFT JOIN partnerships p ON p.id = f.partnership_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS thread_count, max(t.last_posted_at) AS last_posted_at,
             (count(*) FILTER (WHERE t.last_seq > coalesce(r.last_read_seq, 0)
                                 AND coalesce(r.level, 'normal') <> 'muted'))::int AS unread_threads
        FROM threads t
        LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
       WHERE t.forum_id = f.id) s ON TRUE`;

export interface MentionCandidateRow {
  id: string;
  display_name: string;
  handle: string;
}

/**
 * Forums, the silences their moderators set (read side) and the people who can be mentioned in
 * them. Which forums a user reads is the access rules' SQL condition (`AccessService.readableForumsSql`).
 */
@Injectable()
export class ForumsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * The forums the viewer reads: theme forums in the order of THEMES, then course forums and then
   * partnership forums (latest activity first), with the viewer's counts. One statement.
   */
  readable(viewerId: string): Promise<ForumRow[]> {
    return this.dataSource.query(
      `${FORUM_SELECT}
        WHERE ${this.access.readableForumsSql('f', '$1', false)}
        ORDER BY (f.kind = 'partnership'), array_position($2::text[], f.theme::text),
                 s.last_posted_at DESC NULLS LAST, p.title, f.id`,
      [viewerId, THEMES],
    );
  }

  /** One forum with the viewer's counts (the caller has checked that it exists). */
  async one(viewerId: string, forumId: string): Promise<ForumRow> {
    const [row]: ForumRow[] = await this.dataSource.query(`${FORUM_SELECT} WHERE f.id = $2`, [viewerId, forumId]);
    return row;
  }

  /** Ids of the partnership forums the user reads. */
  async readablePartnershipForumIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT f.id FROM forums f WHERE f.kind = 'partnership' AND ${this.access.readableForumsSql('f', '$1', false)}`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** When the user's silence in the forum ends, or null when they are not silenced. */
  async silencedUntil(
    forumId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Date | null> {
    const rows: { until: Date }[] = await manager.query(
      `SELECT until FROM forum_silences WHERE forum_id = $1 AND user_id = $2 AND until > now()`,
      [forumId, userId],
    );
    return rows[0] ? new Date(rows[0].until) : null;
  }

  /**
   * Up to `limit` people other than `excludeId` who read the forum (admins included) and whose
   * handle or display name starts with `prefix`; handle matches first.
   */
  mentionCandidates(forumId: string, excludeId: string, prefix: string, limit: number): Promise<MentionCandidateRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name, u.handle
         FROM users u, forums f
        WHERE f.id = $1 AND u.id <> $2
          AND (u.handle ILIKE $3 OR u.display_name ILIKE $3)
          AND ('admin' = ANY(u.roles) OR ${this.access.readableForumsSql('f', 'u.id', false)})
        ORDER BY (u.handle ILIKE $3) DESC, u.handle
        LIMIT ${limit}`,
      [forumId, excludeId, `${escapeLike(prefix)}%`],
    );
  }
}
