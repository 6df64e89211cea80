import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, VERIFY_EMAIL_TTL_HOURS, type CheckYourMailResponse } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { UsersRepository } from '../users';
import type { UserEntity } from '../database/entities/user.entity';
import { AccountMailer, type AccountRecipient } from './account-mailer';
import { AccountTokensRepository } from './account-tokens.repository';
import { perAccountLimit, perIpLimit } from './auth-limits';
import { AuthService, type SessionResult } from './auth.service';
import type { RegisterDto } from './dto/auth.dto';
import { hashToken, newLinkToken } from './link-tokens';
import { PasswordService } from './password.service';
import { answerNoSoonerThan } from './uniform-timing';

export const CHECK_YOUR_MAIL: CheckYourMailResponse = { status: 'check_your_mail' };
const VERIFY_TTL_SECONDS = VERIFY_EMAIL_TTL_HOURS * 3600;

export const recipientOf = (user: UserEntity, to: string = user.email): AccountRecipient => ({
  userId: user.id,
  to,
  displayName: user.displayName,
  preferredLanguage: user.preferredLanguage,
  timeZone: user.timeZone,
});

export const linkInvalid = () =>
  new AppError(ErrorCode.LINK_INVALID, 'This link is invalid, has expired or was already used. Ask for a new one.');

/**
 * Registration and verification of addresses. Registering answers the same for a new and an existing
 * address (no account enumeration) and opens no session; following the link verifies and signs in.
 */
@Injectable()
export class RegistrationService {
  private readonly perIp: LimitSpec;
  private readonly perAccount: LimitSpec;
  /** Resending a verification mail: one a minute per account. */
  private readonly resend: LimitSpec = { name: 'verify-resend', points: 1, durationSeconds: 60 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly mailer: AccountMailer,
    private readonly passwords: PasswordService,
    private readonly rateLimits: RateLimitService,
    private readonly auth: AuthService,
  ) {
    this.perIp = perIpLimit(config, 'auth-ip');
    this.perAccount = perAccountLimit(config, 'auth-account');
  }

  async register(dto: RegisterDto, ip: string): Promise<CheckYourMailResponse> {
    const started = Date.now();
    await this.rateLimits.consume(this.perIp, ip);
    await this.rateLimits.consume(this.perAccount, dto.email);
    // Hashed either way, so an existing address answers in the same time as a new one.
    const passwordHash = await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const id = await this.users.insertUnlessEmailTaken(manager, {
        email: dto.email,
        passwordHash,
        displayName: dto.displayName,
        preferredLanguage: dto.preferredLanguage ?? 'en',
        timeZone: dto.timeZone ?? 'UTC',
        roles: [],
      });
      const user = id ? await this.users.findById(id, manager) : await this.users.findByEmail(dto.email);
      if (!user) return; // the owner deleted the account meanwhile: nothing to tell
      if (id) await this.sendVerification(manager, user, user.email, 'verify_email');
      else if (!(await this.mailer.capped(manager, 'address_in_use', recipientOf(user))))
        await this.mailer.send(manager, 'address_in_use', recipientOf(user));
    });
    await answerNoSoonerThan(started);
    return CHECK_YOUR_MAIL;
  }

  /** Follows a verification link: the address (the account's, or a new one) is verified; signs in. */
  async verifyEmail(token: string): Promise<SessionResult> {
    const userId = await this.dataSource.transaction(async (manager) => {
      const link = await this.tokens.consume(manager, 'verify_email', hashToken(token));
      if (!link) throw linkInvalid();
      const user = await this.users.findByIdForUpdate(manager, link.userId);
      if (!user) throw linkInvalid();
      if (!(await this.users.verifyEmail(manager, user.id, link.email))) {
        throw new AppError(ErrorCode.LINK_INVALID, 'Another account uses this address now. Choose another one.');
      }
      if (link.email !== user.email) {
        // A reset link mailed to the old address must not outlive the move (it may be why they moved).
        await this.tokens.retire(manager, user.id, 'reset_password');
        // An email change: the old address learns where the account went.
        await this.mailer.send(manager, 'email_changed', recipientOf(user, user.email), {
          at: new Date(),
          oldEmail: user.email,
          newEmail: link.email,
        });
      }
      return user.id;
    });
    return this.auth.startSession(userId);
  }

  /**
   * Sends a new verification link to the signed-in user's address, when it is not verified or when
   * it bounces (following the link proves the address works again and lifts the bounce marker);
   * rate limited (the answer says how long).
   */
  async resendVerification(actor: AuthUser): Promise<CheckYourMailResponse> {
    const current = await this.users.findById(actor.id);
    if (current?.emailVerifiedAt && !current.emailBouncingAt) {
      throw new AppError(ErrorCode.INVALID_STATE, 'Your address is already verified.');
    }
    await this.rateLimits.consume(this.resend, actor.id);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(actor.id, manager);
      if (user) await this.sendVerification(manager, user, user.email, 'verify_email');
    });
    return CHECK_YOUR_MAIL;
  }

  /** Issues a verification link for `email` and mails it there (a new account, or an email change). */
  async sendVerification(
    manager: Parameters<AccountTokensRepository['issue']>[0],
    user: UserEntity,
    email: string,
    kind: 'verify_email' | 'confirm_new_email',
  ): Promise<void> {
    const { token, tokenHash } = newLinkToken();
    const expiresAt = await this.tokens.issue(manager, {
      userId: user.id,
      purpose: 'verify_email',
      email,
      tokenHash,
      ttlSeconds: VERIFY_TTL_SECONDS,
    });
    await this.mailer.send(manager, kind, recipientOf(user, email), { token, expiresAt, newEmail: email });
  }
}
