import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type AdminUserDto,
  type CityRole,
  type MeDto,
  type Page,
  type PlatformRole,
  type UpdateProfileRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { escapeLike } from '../common/sql';
import type { AuthUser } from '../common/auth-user';
import { UserEntity } from '../database/entities/user.entity';

export function toAdminUserDto(user: UserEntity): AdminUserDto {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  /** The signed-in user with the cities they belong to: two queries. */
  async getMe(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MeDto> {
    const user = await manager.findOne(UserEntity, { where: { id: userId } });
    if (!user) throw AppError.unauthenticated('The account no longer exists.');
    const cities: { city_id: string; slug: string; name: string; role: CityRole }[] = await manager.query(
      `SELECT m.city_id, c.slug, c.name, m.role
         FROM city_memberships m JOIN cities c ON c.id = m.city_id
        WHERE m.user_id = $1 AND m.status = 'approved'
        ORDER BY c.name`,
      [userId],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      handle: user.handle,
      preferredLanguage: user.preferredLanguage,
      timeZone: user.timeZone,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      cities: cities.map((c) => ({ cityId: c.city_id, citySlug: c.slug, cityName: c.name, role: c.role })),
    };
  }

  async updateProfile(userId: string, changes: UpdateProfileRequest): Promise<MeDto> {
    const patch: Partial<UserEntity> = {};
    if (changes.displayName !== undefined) patch.displayName = changes.displayName;
    if (changes.preferredLanguage !== undefined) patch.preferredLanguage = changes.preferredLanguage;
    if (changes.timeZone !== undefined) patch.timeZone = changes.timeZone;
    if (Object.keys(patch).length > 0) await this.users.update({ id: userId }, patch);
    return this.getMe(userId);
  }

  /** Admins list users by name or email, newest first. */
  async adminList(
    actor: AuthUser,
    query: { q?: string; cursor?: string; limit?: number },
  ): Promise<Page<AdminUserDto>> {
    this.requireAdmin(actor);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(limit + 1);
    if (query.q) {
      qb.andWhere(`(u.display_name ILIKE :like OR u.email ILIKE :like)`, { like: `%${escapeLike(query.q)}%` });
    }
    if (after) qb.andWhere('(u.created_at, u.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toAdminUserDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** Grants or removes a platform role. The last admin cannot remove their own admin role. */
  async setPlatformRole(actor: AuthUser, userId: string, role: PlatformRole): Promise<AdminUserDto> {
    this.requireAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.notFound('User');
      if (user.role === 'admin' && role !== 'admin') {
        const admins = await manager.count(UserEntity, { where: { role: 'admin' } });
        if (admins <= 1) throw new AppError(ErrorCode.INVALID_STATE, 'The platform must keep at least one admin.');
      }
      user.role = role;
      await manager.save(user);
      return toAdminUserDto(user);
    });
  }

  private requireAdmin(actor: AuthUser): void {
    if (actor.role !== 'admin') throw AppError.forbidden('Only platform admins can manage users.');
  }
}
