import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SilenceDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { recordAudit } from '../common/moderation-audit';
import type { SilenceUserDto } from './dto/moderation.dto';
import { SilencesRepository } from './silences.repository';

/** Moderators silence people in a forum for a while (they read but do not write), and lift it. */
@Injectable()
export class SilencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly silencesRepository: SilencesRepository,
  ) {}

  private async requireModerator(user: AuthUser, forumId: string) {
    const access = await this.access.requireForum(user, forumId);
    if (!access.canModerate) throw AppError.forbidden('Only moderators of this forum can manage silences.');
    return access;
  }

  async silences(user: AuthUser, forumId: string): Promise<SilenceDto[]> {
    await this.requireModerator(user, forumId);
    return this.silencesRepository.running(forumId);
  }

  /** Silences a user in the forum until now + minutes, or extends a running silence to then. */
  async silence(user: AuthUser, forumId: string, dto: SilenceUserDto): Promise<SilenceDto> {
    await this.requireModerator(user, forumId);
    if (dto.userId === user.id) throw AppError.forbidden('You cannot silence yourself.');
    const target = await this.silencesRepository.target(dto.userId);
    if (!target) throw AppError.notFound('User');
    const targetUser: AuthUser = {
      id: target.id,
      email: target.email,
      displayName: target.display_name,
      roles: target.roles,
      emailVerified: true, // only their forum role matters here
    };
    const targetAccess = (await this.access.forums(targetUser, [forumId])).get(forumId);
    if (targetAccess?.canModerate) throw AppError.forbidden('Moderators of this forum cannot be silenced.');
    await this.dataSource.transaction(async (manager) => {
      await this.silencesRepository.silence(manager, {
        forumId,
        userId: dto.userId,
        minutes: dto.minutes,
        reason: dto.reason,
        createdBy: user.id,
      });
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
    return this.silencesRepository.one(forumId, dto.userId);
  }

  async unsilence(user: AuthUser, forumId: string, userId: string): Promise<void> {
    await this.requireModerator(user, forumId);
    await this.dataSource.transaction(async (manager) => {
      const lifted = await this.silencesRepository.lift(manager, forumId, userId);
      if (!lifted) throw AppError.notFound('Silence');
      await recordAudit(manager, {
        actorId: user.id,
        action: 'user.unsilence',
        targetType: 'user',
        targetId: userId,
        targetLabel: `${lifted.user_name} (@${lifted.handle})`,
        forumId,
      });
    });
  }
}
