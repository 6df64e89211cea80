import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityDetailDto, CityRole, JoinRequestDto, JoinRequestStatus } from '@twinning/contracts';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { DataSource, type EntityManager } from 'typeorm';
import { CityMembershipEntity } from '../database/entities/city-membership.entity';

interface JoinRequestRow {
  id: string;
  status: JoinRequestStatus;
  message: string;
  created_at: Date;
  /** created_at as PostgreSQL prints it (microseconds kept), for cursors. */
  created_key: string;
  decided_at: Date | null;
  city_id: string;
  city_slug: string;
  city_name: string;
  user_id: string;
  user_name: string;
  user_email: string;
  decider_id: string | null;
  decider_name: string | null;
}

const JOIN_REQUEST_SELECT = `
  SELECT m.id, m.status, m.message, m.created_at, m.created_at::text AS created_key, m.decided_at,
         c.id AS city_id, c.slug AS city_slug, c.name AS city_name,
         u.id AS user_id, u.display_name AS user_name, u.email AS user_email,
         d.id AS decider_id, d.display_name AS decider_name
    FROM city_memberships m
    JOIN cities c ON c.id = m.city_id
    JOIN users u ON u.id = m.user_id
    LEFT JOIN users d ON d.id = m.decided_by`;

function toJoinRequest(row: JoinRequestRow): JoinRequestDto {
  return {
    id: row.id,
    status: row.status,
    message: row.message,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    city: { id: row.city_id, slug: row.city_slug, name: row.city_name },
    user: { id: row.user_id, displayName: row.user_name, email: row.user_email },
    decidedBy: row.decider_id ? { id: row.decider_id, displayName: row.decider_name ?? '' } : null,
  };
}

/** A join request with its keyset key (created_at with microseconds). */
export interface QueuedJoinRequest {
  request: JoinRequestDto;
  createdKey: string;
}

/**
 * City memberships: join requests while pending, officials and coordinators once approved. Other
 * features ask here who holds which role in a city.
 */
@Injectable()
export class CityMembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(cityId: string, userId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(CityMembershipEntity, { where: { cityId, userId } });
  }

  findForUpdate(manager: EntityManager, cityId: string, userId: string) {
    return manager.findOne(CityMembershipEntity, { where: { cityId, userId }, lock: { mode: 'pessimistic_write' } });
  }

  findByIdForUpdate(manager: EntityManager, id: string) {
    return manager.findOne(CityMembershipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, membership: CityMembershipEntity): Promise<void> {
    await manager.save(membership);
  }

  /** The user's role in the city when approved, else null. */
  async approvedRole(cityId: string, userId: string, manager: EntityManager): Promise<CityRole | null> {
    const rows: { role: CityRole }[] = await manager.query(
      `SELECT role FROM city_memberships WHERE city_id = $1 AND user_id = $2 AND status = 'approved'`,
      [cityId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /** The coordinators of the given cities, each once. */
  async coordinatorIds(cityIds: readonly string[], manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT user_id FROM city_memberships
        WHERE city_id = ANY($1::uuid[]) AND status = 'approved' AND role = 'coordinator'`,
      [cityIds],
    );
    return rows.map((r) => r.user_id);
  }

  /** The city's approved officials, coordinators first. */
  async officials(cityId: string): Promise<CityDetailDto['officials']> {
    const rows: { person: PersonJson; role: CityRole; decided_at: Date | null; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT ${personJson('u')} AS person, m.role, m.decided_at, m.created_at
           FROM city_memberships m JOIN users u ON u.id = m.user_id
          WHERE m.city_id = $1 AND m.status = 'approved'
          ORDER BY (m.role = 'coordinator') DESC, u.display_name, u.id`,
        [cityId],
      );
    return rows.map((o) => ({
      user: toPerson(o.person),
      role: o.role,
      since: new Date(o.decided_at ?? o.created_at).toISOString(),
    }));
  }

  /** Opens a pending request, or reopens a rejected one; null when one is pending or approved already. */
  async openRequest(
    cityId: string,
    userId: string,
    message: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO city_memberships (city_id, user_id, role, status, message)
       VALUES ($1, $2, 'official', 'pending', $3)
       ON CONFLICT (city_id, user_id) DO UPDATE
         SET status = 'pending', role = 'official', message = EXCLUDED.message,
             decided_by = NULL, decided_at = NULL, created_at = now(), updated_at = now()
         WHERE city_memberships.status = 'rejected'
       RETURNING id`,
      [cityId, userId, message],
    );
    return rows[0]?.id ?? null;
  }

  async status(
    cityId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JoinRequestStatus | undefined> {
    const [current]: { status: JoinRequestStatus }[] = await manager.query(
      `SELECT status FROM city_memberships WHERE city_id = $1 AND user_id = $2`,
      [cityId, userId],
    );
    return current?.status;
  }

  /** Admins appoint: approve the user in the role, keeping who first decided and when. */
  async appoint(manager: EntityManager, cityId: string, userId: string, role: CityRole, actorId: string) {
    await manager.query(
      `INSERT INTO city_memberships (city_id, user_id, role, status, decided_by, decided_at)
       VALUES ($1, $2, $3, 'approved', $4, now())
       ON CONFLICT (city_id, user_id) DO UPDATE
         SET role = EXCLUDED.role, status = 'approved',
             decided_by = COALESCE(city_memberships.decided_by, EXCLUDED.decided_by),
             decided_at = COALESCE(city_memberships.decided_at, now()), updated_at = now()`,
      [cityId, userId, role, actorId],
    );
  }

  async joinRequest(id: string): Promise<JoinRequestDto | undefined> {
    const rows: JoinRequestRow[] = await this.dataSource.query(`${JOIN_REQUEST_SELECT} WHERE m.id = $1`, [id]);
    return rows[0] ? toJoinRequest(rows[0]) : undefined;
  }

  /** The user's own requests, newest first. */
  async requestsOf(userId: string): Promise<JoinRequestDto[]> {
    const rows: JoinRequestRow[] = await this.dataSource.query(
      `${JOIN_REQUEST_SELECT} WHERE m.user_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT 200`,
      [userId],
    );
    return rows.map(toJoinRequest);
  }

  /**
   * Requests with the status, oldest first; only those of cities `coordinatorId` coordinates when
   * given. `after` is the previous page's last (created_key, id); reads `take` rows.
   */
  async queue(filter: {
    status: JoinRequestStatus;
    coordinatorId: string | null;
    after: [string, string] | null;
    take: number;
  }): Promise<QueuedJoinRequest[]> {
    const params: unknown[] = [filter.status];
    const where = [`m.status = $1`];
    if (filter.coordinatorId !== null) {
      params.push(filter.coordinatorId);
      where.push(`m.city_id IN (SELECT city_id FROM city_memberships
                                 WHERE user_id = $${params.length} AND status = 'approved' AND role = 'coordinator')`);
    }
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(m.created_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.take);
    const rows: JoinRequestRow[] = await this.dataSource.query(
      `${JOIN_REQUEST_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.created_at, m.id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ request: toJoinRequest(row), createdKey: row.created_key }));
  }
}
