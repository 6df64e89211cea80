import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type AdminUserDto,
  type MeDto,
  type Page,
  type PlatformRole,
  type UpdateProfileRequest,
  holdsRole,
  normalizeRoles,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { hasRole, type AuthUser } from '../common/auth-user';
import type { UserEntity } from '../database/entities/user.entity';
import { recordAudit } from '../common/moderation-audit';
import { UsersRepository } from './users.repository';

/** How the moderation log names a change of platform roles: the user and the roles they hold after it. */
export function rolesLabel(displayName: string, roles: readonly PlatformRole[]): string {
  return `${displayName} (${roles.length > 0 ? roles.join(', ') : 'member'})`;
}

export function toAdminUserDto(user: UserEntity): AdminUserDto {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: normalizeRoles(user.roles),
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email.toLowerCase());
  }

  /** The signed-in user with the cities they belong to: two queries. */
  async getMe(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MeDto> {
    const user = await this.users.findById(userId, manager);
    if (!user) throw AppError.unauthenticated('The account no longer exists.');
    const cities = await this.users.citiesOf(userId, manager);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      handle: user.handle,
      preferredLanguage: user.preferredLanguage,
      timeZone: user.timeZone,
      languages: user.workLanguages,
      roles: normalizeRoles(user.roles),
      createdAt: user.createdAt.toISOString(),
      cities,
      emailStatus: user.emailBouncingAt ? 'bouncing' : user.emailVerifiedAt ? 'verified' : 'unverified',
      emailVerified: user.emailVerifiedAt !== null,
    };
  }

  async updateProfile(userId: string, changes: UpdateProfileRequest): Promise<MeDto> {
    const patch: Partial<UserEntity> = {};
    if (changes.displayName !== undefined) patch.displayName = changes.displayName;
    if (changes.preferredLanguage !== undefined) patch.preferredLanguage = changes.preferredLanguage;
    if (changes.timeZone !== undefined) patch.timeZone = changes.timeZone;
    if (changes.languages !== undefined) patch.workLanguages = [...new Set(changes.languages)];
    if (Object.keys(patch).length > 0) await this.users.update(userId, patch);
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
    const rows = await this.users.adminPage({ q: query.q, after, take: limit + 1 });
    return keysetPage(rows, limit, toAdminUserDto, (row) => [row.createdAt.toISOString(), row.id]);
  }

  /**
   * Replaces a user's set of platform roles (empty: a member), recorded in the moderation log. The last
   * admin cannot lose the admin role.
   */
  async setPlatformRoles(actor: AuthUser, userId: string, roles: readonly PlatformRole[]): Promise<AdminUserDto> {
    this.requireAdmin(actor);
    const next = normalizeRoles(roles);
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockRoleChanges(manager);
      // the actor's own roles as they are now: another admin may have just taken theirs away
      const current = await this.users.findByIdForUpdate(manager, actor.id);
      if (!current) throw AppError.forbidden('Only platform admins can manage users.');
      this.requireAdmin(current);
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw AppError.notFound('User');
      if (hasRole(user, 'admin') && !holdsRole(next, 'admin')) {
        const admins = await this.users.countAdmins(manager);
        if (admins <= 1) throw new AppError(ErrorCode.INVALID_STATE, 'The platform must keep at least one admin.');
      }
      const before = normalizeRoles(user.roles);
      user.roles = next;
      await this.users.save(manager, user);
      if (before.join() !== next.join()) {
        await recordAudit(manager, {
          actorId: actor.id,
          action: 'user.roles',
          targetType: 'user',
          targetId: user.id,
          targetLabel: rolesLabel(user.displayName, next),
          forumId: null,
        });
      }
      return toAdminUserDto(user);
    });
  }

  private requireAdmin(actor: Pick<AuthUser, 'roles'>): void {
    if (!hasRole(actor, 'admin')) throw AppError.forbidden('Only platform admins can manage users.');
  }
}
