import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type AuthResponse } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { UsersRepository, UsersService } from '../users';
import { AccessTokenService } from './access-token.service';
import type { LoginDto, RegisterDto } from './dto/auth.dto';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
    private readonly accounts: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly rateLimits: RateLimitService,
  ) {
    const { authPerIpPoints, authPerAccountPoints, authWindowSeconds } = config.rateLimits;
    this.perIp = { name: 'auth-ip', points: authPerIpPoints, durationSeconds: authWindowSeconds };
    this.perAccount = { name: 'auth-account', points: authPerAccountPoints, durationSeconds: authWindowSeconds };
  }

  async register(dto: RegisterDto, ip: string): Promise<SessionResult> {
    await this.rateLimits.consume(this.perIp, ip);
    await this.rateLimits.consume(this.perAccount, dto.email);
    const passwordHash = await this.passwords.hash(dto.password);
    const result = await this.dataSource.transaction(async (manager) => {
      const id = await this.accounts.insertUnlessEmailTaken(manager, {
        email: dto.email,
        passwordHash,
        displayName: dto.displayName,
        preferredLanguage: dto.preferredLanguage ?? 'en',
        timeZone: dto.timeZone ?? 'UTC',
        role: 'member',
      });
      if (!id) {
        throw new AppError(ErrorCode.EMAIL_TAKEN, 'An account with this email already exists.', {
          email: ['an account with this email already exists'],
        });
      }
      const refreshToken = await this.refreshTokens.issue(id, undefined, manager);
      return { id, refreshToken, me: await this.users.getMe(id, manager) };
    });
    return this.session(result.id, result.refreshToken, result.me);
  }

  async login(dto: LoginDto, ip: string): Promise<SessionResult> {
    await this.rateLimits.consume(this.perIp, ip);
    await this.rateLimits.consume(this.perAccount, dto.email);
    const user = await this.users.findByEmail(dto.email);
    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.');
    await this.rateLimits.reset(this.perAccount, dto.email);
    const refreshToken = await this.refreshTokens.issue(user.id);
    return this.session(user.id, refreshToken, await this.users.getMe(user.id));
  }

  async refresh(token: string | undefined): Promise<SessionResult> {
    if (!token) throw new AppError(ErrorCode.REFRESH_TOKEN_INVALID, 'No session to refresh. Sign in again.');
    const rotated = await this.refreshTokens.rotate(token);
    return this.session(rotated.userId, rotated.token, await this.users.getMe(rotated.userId));
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.refreshTokens.revokeFamilyOf(token);
  }

  private session(userId: string, refreshToken: string, me: AuthResponse['user']): SessionResult {
    const { token, expiresIn } = this.accessTokens.sign(userId);
    return { body: { accessToken: token, expiresIn, user: me }, refreshToken };
  }
}
