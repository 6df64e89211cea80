import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type CityDetailDto,
  type CityDto,
  type CityRole,
  type CitySummaryDto,
  type CreateCityRequest,
  type JoinRequestDto,
  type JoinRequestStatus,
  type Page,
  type UpdateCityRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/id.pipe';
import { escapeLike } from '../common/sql';
import { NotificationsService } from '../notifications';
import { CityMembershipEntity } from '../database/entities/city-membership.entity';
import { CityEntity } from '../database/entities/city.entity';
import type { CityListQueryDto } from './dto/cities.dto';

/** Columns of a city summary, on alias `c`. */
export const CITY_SUMMARY_COLUMNS = `c.id, c.slug, c.name, c.country_code, c.region, c.immigration_profile, c.population, c.themes`;

export interface CityRow {
  id: string;
  slug: string;
  name: string;
  country_code: string;
  region: CitySummaryDto['region'];
  immigration_profile: CitySummaryDto['immigrationProfile'];
  population: number;
  themes: CitySummaryDto['themes'];
}

export function toCitySummary(row: CityRow): CitySummaryDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    countryCode: row.country_code,
    region: row.region,
    immigrationProfile: row.immigration_profile,
    population: row.population,
    themes: row.themes,
  };
}

export function toCityDto(city: CityEntity): CityDto {
  return {
    id: city.id,
    slug: city.slug,
    name: city.name,
    countryCode: city.countryCode,
    region: city.region,
    immigrationProfile: city.immigrationProfile,
    population: city.population,
    themes: city.themes,
    languages: city.languages,
    timeZone: city.timeZone,
    description: city.description,
    createdAt: city.createdAt.toISOString(),
    updatedAt: city.updatedAt.toISOString(),
  };
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

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

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** The directory: filters by region, profile, theme and text; keyset pagination on (name, id); one query. */
  async list(query: CityListQueryDto): Promise<Page<CitySummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.region) where.push(`c.region = ${p(query.region)}`);
    if (query.profile) where.push(`c.immigration_profile = ${p(query.profile)}`);
    if (query.theme) where.push(`c.themes @> ARRAY[${p(query.theme)}]::text[]`);
    if (query.q) {
      where.push(
        `(c.name ILIKE ${p(`%${escapeLike(query.q)}%`)} OR c.search @@ plainto_tsquery('simple', ${p(query.q)}))`,
      );
    }
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) where.push(`(c.name, c.id) > (${p(after[0])}, ${p(after[1])}::uuid)`);
    const sql = `SELECT ${CITY_SUMMARY_COLUMNS} FROM cities c
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.name, c.id LIMIT ${p(limit + 1)}`;
    const rows: CityRow[] = await this.dataSource.query(sql, params);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toCitySummary),
      nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  }

  /** City page by slug (or id): profile, officials and what the viewer may do. Three queries. */
  async detail(slugOrId: string, viewer: AuthUser | null): Promise<CityDetailDto> {
    const byId = isUuid(slugOrId);
    const city = await this.dataSource.manager.findOne(CityEntity, {
      where: byId ? { id: slugOrId } : { slug: slugOrId.toLowerCase() },
    });
    if (!city) throw AppError.notFound('City');
    const officials: { id: string; display_name: string; role: CityRole; decided_at: Date | null; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, m.role, m.decided_at, m.created_at
           FROM city_memberships m JOIN users u ON u.id = m.user_id
          WHERE m.city_id = $1 AND m.status = 'approved'
          ORDER BY (m.role = 'coordinator') DESC, u.display_name, u.id`,
        [city.id],
      );
    const mine = viewer
      ? await this.dataSource.manager.findOne(CityMembershipEntity, { where: { cityId: city.id, userId: viewer.id } })
      : null;
    const role = mine?.status === 'approved' ? mine.role : null;
    const manages = viewer?.role === 'admin' || role === 'coordinator';
    return {
      ...toCityDto(city),
      officials: officials.map((o) => ({
        user: { id: o.id, displayName: o.display_name },
        role: o.role,
        since: new Date(o.decided_at ?? o.created_at).toISOString(),
      })),
      viewer: {
        role,
        joinRequest: mine?.status ?? null,
        canEdit: manages,
        canReviewRequests: manages,
      },
    };
  }

  async create(actor: AuthUser, dto: CreateCityRequest): Promise<CityDto> {
    if (actor.role !== 'admin') throw AppError.forbidden('Only platform admins can add cities.');
    const base = slugify(dto.name) || 'city';
    const repo = this.dataSource.getRepository(CityEntity);
    for (const slug of [base, `${base}-${dto.countryCode.toLowerCase()}`, `${base}-${Date.now().toString(36)}`]) {
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ ...dto, slug })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (id) return toCityDto(await repo.findOneOrFail({ where: { id } }));
    }
    throw new AppError(ErrorCode.CONFLICT, 'A city with this name already exists.', { name: ['already taken'] });
  }

  async update(actor: AuthUser, cityId: string, dto: UpdateCityRequest): Promise<CityDto> {
    return this.dataSource.transaction(async (manager) => {
      const city = await manager.findOne(CityEntity, { where: { id: cityId }, lock: { mode: 'pessimistic_write' } });
      if (!city) throw AppError.notFound('City');
      await this.requireManager(manager, actor, cityId, 'Only the city’s coordinators or an admin can edit it.');
      Object.assign(city, dto);
      await manager.save(city);
      return toCityDto(city);
    });
  }

  /** Ask to join a city as an official. A rejected request may be asked again. */
  async requestToJoin(actor: AuthUser, cityId: string, message: string | undefined): Promise<JoinRequestDto> {
    const exists = await this.dataSource.query(`SELECT 1 FROM cities WHERE id = $1`, [cityId]);
    if (exists.length === 0) throw AppError.notFound('City');
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO city_memberships (city_id, user_id, role, status, message)
       VALUES ($1, $2, 'official', 'pending', $3)
       ON CONFLICT (city_id, user_id) DO UPDATE
         SET status = 'pending', role = 'official', message = EXCLUDED.message,
             decided_by = NULL, decided_at = NULL, created_at = now(), updated_at = now()
         WHERE city_memberships.status = 'rejected'
       RETURNING id`,
      [cityId, actor.id, message ?? ''],
    );
    if (rows.length === 0) {
      const [current] = await this.dataSource.query(
        `SELECT status FROM city_memberships WHERE city_id = $1 AND user_id = $2`,
        [cityId, actor.id],
      );
      if (current?.status === 'approved') {
        throw new AppError(ErrorCode.ALREADY_MEMBER, 'You are already an official of this city.');
      }
      throw new AppError(
        ErrorCode.REQUEST_PENDING,
        'Your request to join this city is already waiting for a decision.',
      );
    }
    return this.joinRequestById(rows[0].id);
  }

  async myJoinRequests(actor: AuthUser): Promise<JoinRequestDto[]> {
    const rows: JoinRequestRow[] = await this.dataSource.query(
      `${JOIN_REQUEST_SELECT} WHERE m.user_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT 200`,
      [actor.id],
    );
    return rows.map(toJoinRequest);
  }

  /** Requests the viewer may decide: all for admins, their cities' for coordinators, none otherwise. One query. */
  async reviewQueue(
    actor: AuthUser,
    query: { status?: JoinRequestStatus; cursor?: string; limit?: number },
  ): Promise<Page<JoinRequestDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [query.status ?? 'pending'];
    const where = [`m.status = $1`];
    if (actor.role !== 'admin') {
      params.push(actor.id);
      where.push(`m.city_id IN (SELECT city_id FROM city_memberships
                                 WHERE user_id = $${params.length} AND status = 'approved' AND role = 'coordinator')`);
    }
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(m.created_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: JoinRequestRow[] = await this.dataSource.query(
      `${JOIN_REQUEST_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.created_at, m.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toJoinRequest),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async decide(actor: AuthUser, requestId: string, decision: 'approve' | 'reject'): Promise<JoinRequestDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(CityMembershipEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw AppError.notFound('Join request');
      if (request.userId === actor.id && actor.role !== 'admin') {
        throw AppError.forbidden('You cannot decide your own request.');
      }
      await this.requireManager(manager, actor, request.cityId, 'Only the city’s coordinators can decide requests.', {
        hideFromOutsiders: true,
      });
      if (request.status !== 'pending') {
        throw new AppError(ErrorCode.INVALID_STATE, `This request was already ${request.status}.`);
      }
      request.status = decision === 'approve' ? 'approved' : 'rejected';
      request.decidedBy = actor.id;
      request.decidedAt = new Date();
      await manager.save(request);
      const city = await manager.findOneOrFail(CityEntity, { where: { id: request.cityId } });
      return this.notifications.create(
        manager,
        [
          {
            userId: request.userId,
            kind: 'join_request.decided',
            payload: {
              actor: { id: actor.id, displayName: actor.displayName },
              city: { id: city.id, slug: city.slug, name: city.name },
              decision: request.status,
            },
          },
        ],
        actor.id,
      );
    });
    await this.notifications.publish(created);
    return this.joinRequestById(requestId);
  }

  /**
   * Sets a member's role in a city. Admins appoint anyone (including a city's first coordinator,
   * who need not have asked to join); coordinators promote the city's officials to coordinator.
   */
  async setRole(actor: AuthUser, cityId: string, userId: string, role: CityRole): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const city = await manager.findOne(CityEntity, { where: { id: cityId } });
      if (!city) throw AppError.notFound('City');
      const isAdmin = actor.role === 'admin';
      if (!isAdmin) {
        await this.requireManager(manager, actor, cityId, 'Only the city’s coordinators can change roles.');
      }
      const target = await manager.findOne(CityMembershipEntity, {
        where: { cityId, userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (isAdmin) {
        const user = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
        if (user.length === 0) throw AppError.notFound('User');
        await manager.query(
          `INSERT INTO city_memberships (city_id, user_id, role, status, decided_by, decided_at)
           VALUES ($1, $2, $3, 'approved', $4, now())
           ON CONFLICT (city_id, user_id) DO UPDATE
             SET role = EXCLUDED.role, status = 'approved',
                 decided_by = COALESCE(city_memberships.decided_by, EXCLUDED.decided_by),
                 decided_at = COALESCE(city_memberships.decided_at, now()), updated_at = now()`,
          [cityId, userId, role, actor.id],
        );
        return;
      }
      if (!target || target.status !== 'approved') throw AppError.notFound('Official');
      if (role !== 'coordinator' && target.role === 'coordinator') {
        throw AppError.forbidden('Only an admin can withdraw a coordinator’s role.');
      }
      target.role = role;
      await manager.save(target);
    });
  }

  private async joinRequestById(id: string): Promise<JoinRequestDto> {
    const rows: JoinRequestRow[] = await this.dataSource.query(`${JOIN_REQUEST_SELECT} WHERE m.id = $1`, [id]);
    if (!rows[0]) throw AppError.notFound('Join request');
    return toJoinRequest(rows[0]);
  }

  /**
   * Admins and the city's coordinators manage a city. Its officials are told they lack the role
   * (403); with hideFromOutsiders, everyone else gets 404 so the resource's existence does not leak.
   */
  private async requireManager(
    manager: EntityManager,
    actor: AuthUser,
    cityId: string,
    message: string,
    opts: { hideFromOutsiders?: boolean } = {},
  ): Promise<void> {
    if (actor.role === 'admin') return;
    const membership = await manager.findOne(CityMembershipEntity, { where: { cityId, userId: actor.id } });
    if (membership?.status === 'approved' && membership.role === 'coordinator') return;
    if (opts.hideFromOutsiders && membership?.status !== 'approved') throw AppError.notFound('Join request');
    throw AppError.forbidden(message);
  }
}
