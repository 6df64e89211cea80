import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type AuthResponse } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { UsersService } from '../users';
import { AccessTokenService } from './access-token.service';
import { perAccountLimit, perIpLimit } from './auth-limits';
import type { LoginDto } from './dto/auth.dto';
import { PasswordService } from './password.service';
import { RefreshTokenService } from './refresh-token.service';

export interface SessionResult {
  body: AuthResponse;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  private readonly perIp: LimitSpec;
  private readonly perAccount: LimitSpec;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly rateLimits: RateLimitService,
  ) {
    this.perIp = perIpLimit(config, 'auth-ip');
    this.perAccount = perAccountLimit(config, 'auth-account');
  }

  async login(dto: LoginDto, ip: string): Promise<SessionResult> {
    await this.rateLimits.consume(this.perIp, ip);
    await this.rateLimits.consume(this.perAccount, dto.email);
    const user = await this.users.findByEmail(dto.email);
    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.');
    await this.rateLimits.reset(this.perAccount, dto.email);
    return this.startSession(user.id);
  }

  /** A new sign-in (a new refresh-token family) for the user: login, and following a verification link. */
  async startSession(userId: string): Promise<SessionResult> {
    const familyId = randomUUID();
    const refreshToken = await this.refreshTokens.issue(userId, familyId);
    return this.session(userId, familyId, refreshToken, await this.users.getMe(userId));
  }

  /** A fresh access token for the sign-in `familyId` (after "sign out other sessions" refused the old ones). */
  async continueSession(userId: string, familyId: string | undefined): Promise<AuthResponse> {
    const { token, expiresIn } = this.accessTokens.sign(userId, familyId);
    return { accessToken: token, expiresIn, user: await this.users.getMe(userId) };
  }

  async refresh(token: string | undefined): Promise<SessionResult> {
    if (!token) throw new AppError(ErrorCode.REFRESH_TOKEN_INVALID, 'No session to refresh. Sign in again.');
    const rotated = await this.refreshTokens.rotate(token);
    return this.session(rotated.userId, rotated.familyId, rotated.token, await this.users.getMe(rotated.userId));
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.refreshTokens.revokeFamilyOf(token);
  }

  private session(userId: string, familyId: string, refreshToken: string, me: AuthResponse['user']): SessionResult {
    const { token, expiresIn } = this.accessTokens.sign(userId, familyId);
    return { body: { accessToken: token, expiresIn, user: me }, refreshToken };
  }
}
