import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlatformRole, UserSummary } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql';

/** A workshop's facilitators, and the users who may become one. */
@Injectable()
export class WorkshopFacilitatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Users with one of `roles` whose display name or handle contains `text` (handles starting with it first). */
  async searchUsers(roles: readonly PlatformRole[], text: string, limit: number): Promise<UserSummary[]> {
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT id, display_name FROM users
        WHERE roles && $1::text[] AND (display_name ILIKE $2 OR handle ILIKE $2)
        ORDER BY (handle ILIKE $3) DESC, display_name, id
        LIMIT ${limit}`,
      [roles, `%${escapeLike(text)}%`, `${escapeLike(text)}%`],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** The users among `ids` that exist, with their platform roles. */
  async users(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ id: string; display_name: string; roles: PlatformRole[] }[]> {
    return manager.query(`SELECT id, display_name, roles FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Lists the users as facilitators in this order (added_at one microsecond apart). */
  async addAll(manager: EntityManager, workshopId: string, userIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_facilitators (workshop_id, user_id, added_at)
       SELECT $1, u.id, clock_timestamp() + make_interval(secs => u.n / 1000000.0)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [workshopId, userIds],
    );
  }

  async count(manager: EntityManager, workshopId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM workshop_facilitators WHERE workshop_id = $1`,
      [workshopId],
    );
    return count;
  }

  /** Whether the user was added now (false: already a facilitator). */
  async add(manager: EntityManager, workshopId: string, userId: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO workshop_facilitators (workshop_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [workshopId, userId],
    );
    return inserted.length > 0;
  }

  async ids(manager: EntityManager, workshopId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1`,
      [workshopId],
    );
    return rows.map((r) => r.user_id);
  }

  async remove(manager: EntityManager, workshopId: string, userId: string): Promise<void> {
    await manager.query(`DELETE FROM workshop_facilitators WHERE workshop_id = $1 AND user_id = $2`, [
      workshopId,
      userId,
    ]);
  }
}
