import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthResponse, CheckYourMailResponse } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { UserEntity } from '../database/entities/user.entity';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { UsersRepository } from '../users';
import { AccountMailer } from './account-mailer';
import { AccountTokensRepository } from './account-tokens.repository';
import { perAccountLimit } from './auth-limits';
import { AuthService } from './auth.service';
import type { ChangeEmailDto, ChangePasswordDto } from './dto/account.dto';
import { PasswordService } from './password.service';
import { RefreshTokenService } from './refresh-token.service';
import { CHECK_YOUR_MAIL, RegistrationService, recipientOf } from './registration.service';
import { answerNoSoonerThan } from './uniform-timing';

/** Profile: change the password (other sessions signed out) or the address (verified before it changes). */
@Injectable()
export class AccountSettingsService {
  private readonly perAccount: LimitSpec;
  /**
   * Changes of address per account, right password or not: each one mails an address the user
   * names, so without it a signed-in user could flood any mailbox (and time the answers).
   */
  private readonly emailChanges: LimitSpec;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly mailer: AccountMailer,
    private readonly tokens: AccountTokensRepository,
    private readonly passwords: PasswordService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly rateLimits: RateLimitService,
    private readonly registration: RegistrationService,
    private readonly auth: AuthService,
  ) {
    this.perAccount = perAccountLimit(config, 'account-settings');
    this.emailChanges = perAccountLimit(config, 'email-change');
  }

  /**
   * Every other sign-in (refresh-token family) is revoked and every access token issued before now is
   * refused; `familyId` (this sign-in) keeps its refresh token and gets a fresh access token.
   */
  async changePassword(actor: AuthUser, familyId: string | undefined, dto: ChangePasswordDto): Promise<AuthResponse> {
    const user = await this.checkPassword(actor, dto.currentPassword);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, user.id, passwordHash, new Date());
      await this.refreshTokens.revokeAllOf(manager, user.id, familyId);
      await this.tokens.retire(manager, user.id, 'reset_password');
      await this.mailer.send(manager, 'password_changed', recipientOf(user), { at: new Date() });
    });
    return this.auth.continueSession(user.id, familyId);
  }

  /**
   * Sends a verification link to the new address; the account keeps its address until the link is
   * followed (then the old address is told). An address that belongs to another account answers the
   * same, and its owner is told someone tried.
   */
  async changeEmail(actor: AuthUser, dto: ChangeEmailDto): Promise<CheckYourMailResponse> {
    const user = await this.checkPassword(actor, dto.currentPassword);
    if (dto.email === user.email) throw AppError.field('email', 'sameEmail');
    const started = Date.now();
    await this.rateLimits.consume(this.emailChanges, actor.id);
    await this.dataSource.transaction(async (manager) => {
      const owner = await this.users.findByEmail(dto.email);
      const to = owner ? recipientOf(owner) : recipientOf(user, dto.email);
      const kind = owner ? 'address_in_use' : 'confirm_new_email';
      if (await this.mailer.capped(manager, kind, to)) return;
      if (owner) await this.mailer.send(manager, 'address_in_use', to);
      else await this.registration.sendVerification(manager, user, dto.email, 'confirm_new_email');
    });
    await answerNoSoonerThan(started);
    return CHECK_YOUR_MAIL;
  }

  private async checkPassword(actor: AuthUser, password: string): Promise<UserEntity> {
    await this.rateLimits.consume(this.perAccount, actor.id);
    const user = await this.users.findById(actor.id);
    if (!user) throw AppError.unauthenticated('The account no longer exists.');
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw AppError.field('currentPassword', 'notCurrentPassword');
    }
    await this.rateLimits.reset(this.perAccount, actor.id);
    return user;
  }
}
