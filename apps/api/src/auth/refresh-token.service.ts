import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@twinning/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Rotating refresh tokens. Each refresh consumes the presented token and issues its successor in
 * the same family; presenting a consumed or revoked token again is treated as theft and revokes
 * the whole family (every session descended from that login).
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: RefreshTokensRepository,
  ) {}

  get ttlSeconds(): number {
    return this.config.refreshTokenTtlDays * 86_400;
  }

  async issue(userId: string, familyId: string = randomUUID(), manager?: EntityManager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert(
      { userId, familyId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) },
      manager,
    );
    return token;
  }

  /** Consumes `token` and returns the user id, the successor token and their family. */
  async rotate(token: string): Promise<{ userId: string; token: string; familyId: string }> {
    type Outcome =
      | { ok: true; userId: string; token: string; familyId: string }
      | { ok: false; error: ErrorCode; userId?: string; familyId?: string };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const row = await this.tokens.findByHashForUpdate(manager, hashToken(token));
      if (!row) return { ok: false, error: ErrorCode.REFRESH_TOKEN_INVALID };
      if (row.usedAt || row.revokedAt) {
        await this.tokens.revokeFamily(manager, row.familyId);
        return { ok: false, error: ErrorCode.REFRESH_TOKEN_REUSED, userId: row.userId, familyId: row.familyId };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false, error: ErrorCode.REFRESH_TOKEN_INVALID };
      await this.tokens.markUsed(manager, row.id);
      const next = await this.issue(row.userId, row.familyId, manager);
      return { ok: true, userId: row.userId, token: next, familyId: row.familyId };
    });
    if (!outcome.ok) {
      if (outcome.error === ErrorCode.REFRESH_TOKEN_REUSED) {
        this.logger.warn(`Refresh token reuse detected; revoked family ${outcome.familyId} of user ${outcome.userId}`);
        throw new AppError(
          outcome.error,
          'This session was revoked because its refresh token was used twice. Sign in again.',
        );
      }
      throw new AppError(outcome.error, 'The session has expired or is invalid. Sign in again.');
    }
    return { userId: outcome.userId, token: outcome.token, familyId: outcome.familyId };
  }

  /** Signs out every session of the user (a password reset), or every other one (`keepFamilyId`). */
  async revokeAllOf(manager: EntityManager, userId: string, keepFamilyId?: string): Promise<void> {
    await this.tokens.revokeAllOfUser(manager, userId, keepFamilyId ?? null);
  }

  /** Logout: revokes the family of the presented token (unknown tokens are ignored). */
  async revokeFamilyOf(token: string): Promise<void> {
    await this.tokens.revokeFamilyOfHash(hashToken(token));
  }
}
