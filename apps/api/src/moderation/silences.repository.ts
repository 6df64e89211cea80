import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlatformRole, SilenceDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { iso } from '../common/sql';

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

export interface SilenceTarget {
  id: string;
  email: string;
  display_name: string;
  handle: string;
  roles: PlatformRole[];
}

/** Silences in forums (`forum_silences`). Whether one is running, forums reads itself (ForumsRepository.silencedUntil). */
@Injectable()
export class SilencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Running silences in the forum, the soonest to end first. */
  async running(forumId: string): Promise<SilenceDto[]> {
    const rows: SilenceRow[] = await this.dataSource.query(
      `${SILENCE_SELECT} WHERE s.forum_id = $1 AND s.until > now() ORDER BY s.until, s.user_id`,
      [forumId],
    );
    return rows.map(toSilenceDto);
  }

  /** The user's silence in the forum (the caller knows it exists). */
  async one(forumId: string, userId: string): Promise<SilenceDto> {
    const [row]: SilenceRow[] = await this.dataSource.query(
      `${SILENCE_SELECT} WHERE s.forum_id = $1 AND s.user_id = $2`,
      [forumId, userId],
    );
    return toSilenceDto(row);
  }

  /** The user a moderator means to silence, or undefined. */
  async target(userId: string): Promise<SilenceTarget | undefined> {
    const rows: SilenceTarget[] = await this.dataSource.query(
      `SELECT id, email, display_name, handle, roles FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /** Silences the user until now + minutes, or extends a running silence to then. */
  async silence(
    manager: EntityManager,
    silence: { forumId: string; userId: string; minutes: number; reason: string; createdBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO forum_silences (forum_id, user_id, until, reason, created_by)
       VALUES ($1, $2, now() + make_interval(mins => $3), $4, $5)
       ON CONFLICT (forum_id, user_id) DO UPDATE
         SET until = GREATEST(forum_silences.until, EXCLUDED.until), reason = EXCLUDED.reason,
             created_by = EXCLUDED.created_by, created_at = now()`,
      [silence.forumId, silence.userId, silence.minutes, silence.reason, silence.createdBy],
    );
  }

  /** Lifts a running silence; the silenced user's name and handle, or undefined when none was running. */
  async lift(
    manager: EntityManager,
    forumId: string,
    userId: string,
  ): Promise<{ user_name: string; handle: string } | undefined> {
    const rows: { user_name: string; handle: string }[] = await manager.query(
      `WITH lifted AS (
         DELETE FROM forum_silences s USING users u
          WHERE s.forum_id = $1 AND s.user_id = $2 AND u.id = s.user_id AND s.until > now()
      RETURNING u.display_name AS user_name, u.handle)
       SELECT user_name, handle FROM lifted`,
      [forumId, userId],
    );
    return rows[0];
  }
}
