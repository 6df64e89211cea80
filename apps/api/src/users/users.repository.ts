import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { normalizeRoles, type MeDto, type PlatformRole, type UiLanguage } from '@twinning/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { escapeLike } from '../common/sql';
import { UserEntity } from '../database/entities/user.entity';

/** What a new account is created with. */
export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  preferredLanguage: UiLanguage;
  timeZone: string;
  roles: PlatformRole[];
}

/** Accounts: the users table and the cities a user belongs to. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** `email` as stored (lower-cased). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The signed-in user as guards see them (the columns of AuthUser), and when their sessions were revoked. */
  async findAuthUser(id: string): Promise<{ user: AuthUser; sessionsRevokedAt: Date | null } | null> {
    const user = await this.users.findOne({
      where: { id },
      select: { id: true, email: true, displayName: true, roles: true, emailVerifiedAt: true, sessionsRevokedAt: true },
    });
    if (!user) return null;
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: normalizeRoles(user.roles),
        emailVerified: user.emailVerifiedAt !== null,
      },
      sessionsRevokedAt: user.sessionsRevokedAt,
    };
  }

  /**
   * The account proved it reads mail at `email`: it becomes the account's address (unchanged, or the
   * new one of an email change), verified now, and any bounce marker is cleared. False when another
   * account took that address meanwhile.
   */
  async verifyEmail(manager: EntityManager, id: string, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH verified AS (
         UPDATE users SET email = $2, email_verified_at = now(), email_bouncing_at = NULL, email_bounce_reason = NULL,
                updated_at = now()
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = $2 AND o.id <> $1)
          RETURNING id)
       SELECT id FROM verified`,
      [id, email],
    );
    return rows.length > 0;
  }

  /**
   * Sets a new password hash. With `sessionsRevokedAt` (the application's clock, the one access tokens
   * are stamped with), access tokens issued before that instant are refused.
   */
  async setPassword(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    sessionsRevokedAt: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, updated_at = now(),
              sessions_revoked_at = COALESCE($3::timestamptz, sessions_revoked_at)
        WHERE id = $1`,
      [id, passwordHash, sessionsRevokedAt],
    );
  }

  async exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The cities where the user is an approved official, by name. */
  async citiesOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MeDto['cities']> {
    const rows: { city_id: string; slug: string; name: string; role: MeDto['cities'][number]['role'] }[] =
      await manager.query(
        `SELECT m.city_id, c.slug, c.name, m.role
           FROM city_memberships m JOIN cities c ON c.id = m.city_id
          WHERE m.user_id = $1 AND m.status = 'approved'
          ORDER BY c.name`,
        [userId],
      );
    return rows.map((c) => ({ cityId: c.city_id, citySlug: c.slug, cityName: c.name, role: c.role }));
  }

  /** Inserts the account unless its email is taken; the new id, or null. */
  async insertUnlessEmailTaken(manager: EntityManager, values: NewUser): Promise<string | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as { id: string }[])[0]?.id ?? null;
  }

  async update(id: string, patch: Partial<UserEntity>): Promise<void> {
    await this.users.update({ id }, patch);
  }

  async save(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.save(user);
  }

  /**
   * Serialises changes of platform roles until the transaction ends, so two admins removing each other's
   * admin role at once cannot both see the other one still there.
   */
  async lockRoleChanges(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('users.roles'))`);
  }

  async countAdmins(manager: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE 'admin' = ANY(roles)`,
    );
    return count;
  }

  /** Users by name or email, newest first; `after` is the previous page's last (created_at, id). */
  adminPage(filter: { q?: string; after: [string, string] | null; take: number }): Promise<UserEntity[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(filter.take);
    if (filter.q) {
      qb.andWhere(`(u.display_name ILIKE :like OR u.email ILIKE :like)`, { like: `%${escapeLike(filter.q)}%` });
    }
    if (filter.after) {
      qb.andWhere('(u.created_at, u.id) < (:at::timestamptz, :id::uuid)', { at: filter.after[0], id: filter.after[1] });
    }
    return qb.getMany();
  }
}
