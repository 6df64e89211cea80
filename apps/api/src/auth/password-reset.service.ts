import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RESET_PASSWORD_TTL_MINUTES, type CheckYourMailResponse } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { UsersRepository } from '../users';
import { AccountMailer } from './account-mailer';
import { AccountTokensRepository } from './account-tokens.repository';
import { perAccountLimit, perIpLimit } from './auth-limits';
import type { ForgotPasswordDto, ResetPasswordDto } from './dto/account.dto';
import { hashToken, newLinkToken } from './link-tokens';
import { PasswordService } from './password.service';
import { RefreshTokenService } from './refresh-token.service';
import { answerNoSoonerThan } from './uniform-timing';
import { CHECK_YOUR_MAIL, linkInvalid, recipientOf } from './registration.service';

/** "Forgot password": a single-use link valid 30 minutes; using it signs out every session. */
@Injectable()
export class PasswordResetService {
  private readonly perIp: LimitSpec;
  private readonly perAddress: LimitSpec;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly mailer: AccountMailer,
    private readonly passwords: PasswordService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly rateLimits: RateLimitService,
  ) {
    this.perIp = perIpLimit(config, 'forgot-ip');
    this.perAddress = perAccountLimit(config, 'forgot-address');
  }

  /** Always the same answer, in the same time; a link goes out only when the address has an account. */
  async forgot(dto: ForgotPasswordDto, ip: string): Promise<CheckYourMailResponse> {
    const started = Date.now();
    await this.rateLimits.consume(this.perIp, ip);
    await this.rateLimits.consume(this.perAddress, dto.email);
    const { token, tokenHash } = newLinkToken();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByEmail(dto.email);
      // capped: no new link either, so the links already sent keep working
      if (!user || (await this.mailer.capped(manager, 'reset_password', recipientOf(user)))) return;
      const expiresAt = await this.tokens.issue(manager, {
        userId: user.id,
        purpose: 'reset_password',
        email: user.email,
        tokenHash,
        ttlSeconds: RESET_PASSWORD_TTL_MINUTES * 60,
      });
      await this.mailer.send(manager, 'reset_password', recipientOf(user), { token, expiresAt });
    });
    await answerNoSoonerThan(started);
    return CHECK_YOUR_MAIL;
  }

  /** Sets the password from a reset link and revokes every session (refresh and access tokens). */
  async reset(dto: ResetPasswordDto): Promise<void> {
    const passwordHash = await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const link = await this.tokens.consume(manager, 'reset_password', hashToken(dto.token));
      if (!link) throw linkInvalid();
      const user = await this.users.findByIdForUpdate(manager, link.userId);
      if (!user) throw linkInvalid();
      await this.users.setPassword(manager, user.id, passwordHash, new Date());
      await this.refreshTokens.revokeAllOf(manager, user.id);
      // The link reached the account's address: that proves it as well as a verification link.
      if (link.email === user.email && !user.emailVerifiedAt)
        await this.users.verifyEmail(manager, user.id, user.email);
      await this.mailer.send(manager, 'password_changed', recipientOf(user), { at: new Date() });
    });
  }
}
