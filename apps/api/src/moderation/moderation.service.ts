import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type AuditAction,
  type AuditEntryDto,
  type FlagDto,
  type FlagReason,
  type FlagStatus,
  type ForumKind,
  type Page,
  type PlatformRole,
  type PostDto,
  type SilenceDto,
  type Theme,
  type ThreadDto,
} from '@twinning/contracts';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';

import { ForumsService } from '../forums';
import { PostsService, type PostRef } from '../forums';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { toCsvRow } from '../common/csv';
import type {
  AuditFilterDto,
  AuditQueryDto,
  FlagPostDto,
  FlagQueueQueryDto,
  ModerateThreadDto,
  ResolveFlagDto,
  SilenceUserDto,
} from './dto/moderation.dto';
import { postLabel, recordAudit } from '../common/moderation-audit';
import { exactTime, iso, isoOrNull } from '../common/sql';

interface FlagRow {
  id: string;
  reason: FlagReason;
  note: string;
  status: FlagStatus;
  created_at: Date;
  created_key: string;
  resolved_at: Date | null;
  reporter_id: string;
  reporter_name: string;
  resolver_id: string | null;
  resolver_name: string | null;
  post_id: string;
  seq: number;
  body_html: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
  post_author_id: string;
  post_author_name: string;
  open_flag_count: number;
  thread_id: string;
  title: string;
  forum_id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_title: string | null;
}

const FLAG_SELECT = `
  SELECT fl.id, fl.reason, fl.note, fl.status, fl.created_at, ${exactTime('fl.created_at')} AS created_key,
         fl.resolved_at, r.id AS reporter_id, r.display_name AS reporter_name,
         rb.id AS resolver_id, rb.display_name AS resolver_name,
         p.id AS post_id, p.seq, p.body_html, p.hidden_at, p.deleted_at,
         pa.id AS post_author_id, pa.display_name AS post_author_name,
         (SELECT count(*)::int FROM post_flags o WHERE o.post_id = p.id AND o.status = 'open') AS open_flag_count,
         t.id AS thread_id, t.title, f.id AS forum_id, f.kind, f.theme, pt.title AS partnership_title
    FROM post_flags fl
    JOIN users r ON r.id = fl.reporter_id
    LEFT JOIN users rb ON rb.id = fl.resolved_by
    JOIN posts p ON p.id = fl.post_id
    JOIN users pa ON pa.id = p.author_id
    JOIN threads t ON t.id = p.thread_id
    JOIN forums f ON f.id = t.forum_id
    LEFT JOIN partnerships pt ON pt.id = f.partnership_id`;

function toFlagDto(row: FlagRow): FlagDto {
  return {
    id: row.id,
    reason: row.reason,
    note: row.note,
    status: row.status,
    reporter: { id: row.reporter_id, displayName: row.reporter_name },
    createdAt: iso(row.created_at),
    resolvedAt: isoOrNull(row.resolved_at),
    resolvedBy: row.resolver_id ? { id: row.resolver_id, displayName: row.resolver_name ?? '' } : null,
    post: {
      id: row.post_id,
      seq: row.seq,
      author: { id: row.post_author_id, displayName: row.post_author_name },
      // The queue is for moderators, who see hidden and deleted text.
      bodyHtml: row.body_html,
      hidden: row.hidden_at !== null,
      deleted: row.deleted_at !== null,
      openFlagCount: row.open_flag_count,
    },
    thread: { id: row.thread_id, title: row.title },
    forum: { id: row.forum_id, kind: row.kind, theme: row.theme, partnershipTitle: row.partnership_title },
  };
}

interface AuditRow {
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
}

function toAuditDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    actor: { id: row.actor_id ?? '', displayName: row.actor_name ?? '' },
    action: row.action,
    target: { type: row.target_type, id: row.target_id, label: row.target_label },
    forum:
      row.forum_id && row.kind
        ? { id: row.forum_id, kind: row.kind, theme: row.theme, partnershipTitle: row.partnership_title }
        : null,
    reason: row.reason,
    createdAt: iso(row.created_at),
  };
}

interface SilenceRow {
  user_id: string;
  user_name: string;
  until: Date;
  reason: string;
  creator_id: string | null;
  creator_name: string | null;
  created_at: Date;
}

const SILENCE_SELECT = `
  SELECT s.user_id, u.display_name AS user_name, s.until, s.reason, c.id AS creator_id,
         c.display_name AS creator_name, s.created_at
    FROM forum_silences s JOIN users u ON u.id = s.user_id LEFT JOIN users c ON c.id = s.created_by`;

function toSilenceDto(row: SilenceRow): SilenceDto {
  return {
    user: { id: row.user_id, displayName: row.user_name },
    until: iso(row.until),
    reason: row.reason,
    createdBy: { id: row.creator_id ?? '', displayName: row.creator_name ?? '' },
    createdAt: iso(row.created_at),
  };
}

const CSV_BATCH = 500;
export const AUDIT_CSV_COLUMNS = [
  'created_at',
  'actor_id',
  'actor_name',
  'action',
  'target_type',
  'target_id',
  'target_label',
  'forum_id',
  'forum',
  'reason',
];

/**
 * Flags, hiding and restoring posts, pinning and locking threads, silences, and the audit log.
 * Every moderation action writes its audit row in the transaction that performs it; realtime
 * changes go out after commit.
 */
/** Flags a user may raise: enough for a bad day in a busy forum, not for flooding the queue. */
export const FLAG_RATE_LIMIT: LimitSpec = { name: 'flag', points: 20, durationSeconds: 3600 };

@Injectable()
export class ModerationService {
  private readonly logger = new Logger(ModerationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly forums: ForumsService,
    private readonly posts: PostsService,
    private readonly publisher: NotificationsPublisher,
    private readonly rateLimits: RateLimitService,
  ) {}

  // --- flags -----------------------------------------------------------------------------------

  /** Any reader may flag someone else's visible post, once while their flag is open. */
  async flag(user: AuthUser, postId: string, dto: FlagPostDto): Promise<void> {
    const { post } = await this.posts.loadPost(user, postId);
    if (post.author_id === user.id) throw AppError.forbidden('You cannot flag your own post.');
    await this.rateLimits.consume(FLAG_RATE_LIMIT, user.id);
    if (post.deleted_at !== null || post.hidden_at !== null) {
      throw new AppError(ErrorCode.INVALID_STATE, 'This post was already removed.');
    }
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO post_flags (post_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_id, reporter_id) WHERE status = 'open' DO NOTHING RETURNING id`,
      [postId, user.id, dto.reason, dto.note ?? ''],
    );
    if (rows.length === 0) throw new AppError(ErrorCode.CONFLICT, 'You already flagged this post.');
  }

  /** Admins: every flag; coordinators: flags in the forums they moderate; others: 403. Oldest open first. */
  async queue(user: AuthUser, query: FlagQueueQueryDto): Promise<Page<FlagDto>> {
    const status = query.status ?? 'open';
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [status];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['fl.status = $1'];
    if (user.role !== 'admin') {
      const forumIds = await this.moderatedForumIds(user);
      if (forumIds.length === 0) throw AppError.forbidden('Only moderators can see flags.');
      where.push(`t.forum_id = ANY(${p(forumIds)}::uuid[])`);
    }
    // Open flags oldest first (a queue); decided ones newest first (a history).
    const dir = status === 'open' ? 'ASC' : 'DESC';
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      where.push(
        `(fl.created_at, fl.id) ${dir === 'ASC' ? '>' : '<'} (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`,
      );
    }
    const rows: FlagRow[] = await this.dataSource.query(
      `${FLAG_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY fl.created_at ${dir}, fl.id ${dir} LIMIT ${p(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toFlagDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  /** Partnership forums the user moderates, decided by the access rules. Two queries. */
  private async moderatedForumIds(user: AuthUser): Promise<string[]> {
    const candidates: { id: string }[] = await this.dataSource.query(
      `SELECT f.id FROM forums f WHERE f.kind = 'partnership' AND ${this.access.readableForumsSql('f', '$1', false)}`,
      [user.id],
    );
    const access = await this.access.forums(
      user,
      candidates.map((c) => c.id),
    );
    return [...access.values()].filter((a) => a.canModerate).map((a) => a.forumId);
  }

  /** uphold hides the post and resolves all its open flags as upheld; dismiss resolves this flag. */
  async resolve(user: AuthUser, flagId: string, dto: ResolveFlagDto): Promise<FlagDto> {
    const hidden = await this.dataSource.transaction(async (manager) => {
      const found: { post_id: string }[] = await manager.query(`SELECT post_id FROM post_flags WHERE id = $1`, [
        flagId,
      ]);
      if (!found[0]) throw AppError.notFound('Flag');
      // Lock order everywhere: the post, then its flags (hiding, editing and resolving never deadlock).
      const { post, access } = await this.posts
        .loadPost(user, found[0].post_id, manager, true)
        .catch((err: unknown) => {
          throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? AppError.notFound('Flag') : err;
        });
      const rows: { id: string; status: FlagStatus; reason: FlagReason }[] = await manager.query(
        `SELECT id, status, reason FROM post_flags WHERE id = $1 FOR UPDATE`,
        [flagId],
      );
      const flag = rows[0];
      if (!access.canModerate) throw AppError.forbidden('Only moderators can resolve flags.');
      if (flag.status !== 'open') throw new AppError(ErrorCode.INVALID_STATE, 'This flag was already resolved.');
      const label = `${flag.reason} flag on ${postLabel({ seq: post.seq, threadTitle: post.thread_title, authorName: post.author_name })}`;
      const reason = dto.reason ?? '';
      if (dto.decision === 'dismiss') {
        await manager.query(
          `UPDATE post_flags SET status = 'dismissed', resolved_by = $2, resolved_at = clock_timestamp() WHERE id = $1`,
          [flag.id, user.id],
        );
        await recordAudit(manager, {
          actorId: user.id,
          action: 'flag.dismiss',
          targetType: 'flag',
          targetId: flag.id,
          targetLabel: label,
          forumId: post.forum_id,
          reason,
        });
        return null;
      }
      await manager.query(
        `UPDATE post_flags SET status = 'upheld', resolved_by = $2, resolved_at = clock_timestamp()
          WHERE post_id = $1 AND status = 'open'`,
        [post.id, user.id],
      );
      await recordAudit(manager, {
        actorId: user.id,
        action: 'flag.uphold',
        targetType: 'flag',
        targetId: flag.id,
        targetLabel: label,
        forumId: post.forum_id,
        reason,
      });
      if (post.hidden_at !== null) return null;
      await this.hideRow(manager, user, post, reason || `Flagged as ${flag.reason.replace('_', ' ')}`);
      return post;
    });
    if (hidden) this.publishPost(hidden);
    const [row]: FlagRow[] = await this.dataSource.query(`${FLAG_SELECT} WHERE fl.id = $1`, [flagId]);
    return toFlagDto(row);
  }

  // --- posts and threads -----------------------------------------------------------------------

  async hide(user: AuthUser, postId: string, reason: string): Promise<PostDto> {
    const post = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.posts.loadPost(user, postId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can hide posts.');
      if (post.deleted_at !== null) throw new AppError(ErrorCode.INVALID_STATE, 'This post was deleted.');
      if (post.hidden_at !== null) throw new AppError(ErrorCode.INVALID_STATE, 'This post is already hidden.');
      await this.hideRow(manager, user, post, reason);
      return post;
    });
    this.publishPost(post);
    return this.posts.post(user, postId);
  }

  async restore(user: AuthUser, postId: string, reason: string): Promise<PostDto> {
    const post = await this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.posts.loadPost(user, postId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can restore posts.');
      if (post.hidden_at === null) throw new AppError(ErrorCode.INVALID_STATE, 'This post is not hidden.');
      await manager.query(`UPDATE posts SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = $1`, [
        post.id,
      ]);
      await recordAudit(manager, {
        actorId: user.id,
        action: 'post.restore',
        targetType: 'post',
        targetId: post.id,
        targetLabel: postLabel({ seq: post.seq, threadTitle: post.thread_title, authorName: post.author_name }),
        forumId: post.forum_id,
        reason,
      });
      return post;
    });
    this.publishPost(post);
    return this.posts.post(user, postId);
  }

  private async hideRow(manager: EntityManager, user: AuthUser, post: PostRef, reason: string): Promise<void> {
    await manager.query(
      `UPDATE posts SET hidden_at = clock_timestamp(), hidden_by = $2, hidden_reason = $3 WHERE id = $1`,
      [post.id, user.id, reason],
    );
    await recordAudit(manager, {
      actorId: user.id,
      action: 'post.hide',
      targetType: 'post',
      targetId: post.id,
      targetLabel: postLabel({ seq: post.seq, threadTitle: post.thread_title, authorName: post.author_name }),
      forumId: post.forum_id,
      reason,
    });
  }

  /** Pin/unpin and lock/unlock; each change is its own audit entry. */
  async moderateThread(user: AuthUser, threadId: string, dto: ModerateThreadDto): Promise<ThreadDto> {
    if (dto.pinned === undefined && dto.locked === undefined) {
      throw AppError.validation(
        { pinned: ['give pinned or locked'], locked: ['give pinned or locked'] },
        'Nothing to change: give pinned or locked.',
      );
    }
    const changed = await this.dataSource.transaction(async (manager) => {
      const { thread, access } = await this.posts.loadThread(user, threadId, manager, true);
      if (!access.canModerate) throw AppError.forbidden('Only moderators can pin or lock threads.');
      const actions: AuditAction[] = [];
      if (dto.pinned !== undefined && dto.pinned !== thread.pinned) {
        actions.push(dto.pinned ? 'thread.pin' : 'thread.unpin');
      }
      if (dto.locked !== undefined && dto.locked !== thread.locked) {
        actions.push(dto.locked ? 'thread.lock' : 'thread.unlock');
      }
      if (actions.length === 0) return null;
      await manager.query(
        `UPDATE threads SET pinned = coalesce($2, pinned), locked = coalesce($3, locked), updated_at = now()
          WHERE id = $1`,
        [thread.id, dto.pinned ?? null, dto.locked ?? null],
      );
      for (const action of actions) {
        await recordAudit(manager, {
          actorId: user.id,
          action,
          targetType: 'thread',
          targetId: thread.id,
          targetLabel: thread.title,
          forumId: thread.forum_id,
          reason: dto.reason,
        });
      }
      return thread;
    });
    if (changed) {
      this.publisher.threadChanged({
        threadId: changed.id,
        forumId: changed.forum_id,
        change: 'thread.updated',
        lastSeq: changed.last_seq,
        postId: null,
      });
    }
    return this.forums.thread(user, threadId);
  }

  private publishPost(post: PostRef): void {
    this.publisher.threadChanged({
      threadId: post.thread_id,
      forumId: post.forum_id,
      change: 'post.updated',
      lastSeq: post.last_seq,
      postId: post.id,
    });
  }

  // --- silences --------------------------------------------------------------------------------

  private async requireModerator(user: AuthUser, forumId: string) {
    const access = await this.access.requireForum(user, forumId);
    if (!access.canModerate) throw AppError.forbidden('Only moderators of this forum can manage silences.');
    return access;
  }

  async silences(user: AuthUser, forumId: string): Promise<SilenceDto[]> {
    await this.requireModerator(user, forumId);
    const rows: SilenceRow[] = await this.dataSource.query(
      `${SILENCE_SELECT} WHERE s.forum_id = $1 AND s.until > now() ORDER BY s.until, s.user_id`,
      [forumId],
    );
    return rows.map(toSilenceDto);
  }

  /** Silences a user in the forum until now + minutes, or extends a running silence to then. */
  async silence(user: AuthUser, forumId: string, dto: SilenceUserDto): Promise<SilenceDto> {
    await this.requireModerator(user, forumId);
    if (dto.userId === user.id) throw AppError.forbidden('You cannot silence yourself.');
    const targets: { id: string; email: string; display_name: string; handle: string; role: PlatformRole }[] =
      await this.dataSource.query(`SELECT id, email, display_name, handle, role FROM users WHERE id = $1`, [
        dto.userId,
      ]);
    const target = targets[0];
    if (!target) throw AppError.notFound('User');
    const targetUser: AuthUser = {
      id: target.id,
      email: target.email,
      displayName: target.display_name,
      role: target.role,
    };
    const targetAccess = (await this.access.forums(targetUser, [forumId])).get(forumId);
    if (targetAccess?.canModerate) throw AppError.forbidden('Moderators of this forum cannot be silenced.');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO forum_silences (forum_id, user_id, until, reason, created_by)
         VALUES ($1, $2, now() + make_interval(mins => $3), $4, $5)
         ON CONFLICT (forum_id, user_id) DO UPDATE
           SET until = GREATEST(forum_silences.until, EXCLUDED.until), reason = EXCLUDED.reason,
               created_by = EXCLUDED.created_by, created_at = now()`,
        [forumId, dto.userId, dto.minutes, dto.reason, user.id],
      );
      await recordAudit(manager, {
        actorId: user.id,
        action: 'user.silence',
        targetType: 'user',
        targetId: target.id,
        targetLabel: `${target.display_name} (@${target.handle})`,
        forumId,
        reason: dto.reason,
      });
    });
    const [row]: SilenceRow[] = await this.dataSource.query(
      `${SILENCE_SELECT} WHERE s.forum_id = $1 AND s.user_id = $2`,
      [forumId, dto.userId],
    );
    return toSilenceDto(row);
  }

  async unsilence(user: AuthUser, forumId: string, userId: string): Promise<void> {
    await this.requireModerator(user, forumId);
    await this.dataSource.transaction(async (manager) => {
      const rows: { user_name: string; handle: string }[] = await manager.query(
        `WITH lifted AS (
           DELETE FROM forum_silences s USING users u
            WHERE s.forum_id = $1 AND s.user_id = $2 AND u.id = s.user_id AND s.until > now()
        RETURNING u.display_name AS user_name, u.handle)
         SELECT user_name, handle FROM lifted`,
        [forumId, userId],
      );
      if (rows.length === 0) throw AppError.notFound('Silence');
      await recordAudit(manager, {
        actorId: user.id,
        action: 'user.unsilence',
        targetType: 'user',
        targetId: userId,
        targetLabel: `${rows[0].user_name} (@${rows[0].handle})`,
        forumId,
      });
    });
  }

  // --- audit log -------------------------------------------------------------------------------

  private requireAdmin(user: AuthUser): void {
    if (user.role !== 'admin') throw AppError.forbidden('Only platform admins can read the moderation log.');
  }

  async audit(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    this.requireAdmin(user);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.auditRows(query, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toAuditDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  /** The whole filtered log as CSV, newest first, read in batches while it streams. */
  auditCsv(user: AuthUser, filters: AuditFilterDto): Readable {
    this.requireAdmin(user);
    const rowsOf = (after: [string, string] | null) => this.auditRows(filters, after, CSV_BATCH);
    const logger = this.logger;
    async function* generate(): AsyncGenerator<string> {
      yield `\uFEFF${toCsvRow(AUDIT_CSV_COLUMNS)}`;
      let after: [string, string] | null = null;
      for (;;) {
        const rows = await rowsOf(after);
        for (const r of rows) {
          yield toCsvRow([
            iso(r.created_at),
            r.actor_id ?? '',
            r.actor_name ?? '',
            r.action,
            r.target_type,
            r.target_id,
            r.target_label,
            r.forum_id ?? '',
            r.kind === 'theme' ? (r.theme ?? '') : (r.partnership_title ?? ''),
            r.reason,
          ]);
        }
        if (rows.length < CSV_BATCH) return;
        const last = rows[rows.length - 1];
        after = [last.created_key, last.id];
      }
    }
    const stream = Readable.from(generate());
    stream.on('error', (err) => logger.error(`audit CSV export failed: ${err.message}`));
    return stream;
  }

  private auditRows(
    filters: { action?: AuditAction; actorId?: string },
    after: [string, string] | null,
    limit: number,
  ): Promise<AuditRow[]> {
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
              f.id AS forum_id, f.kind, f.theme, pt.title AS partnership_title
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
