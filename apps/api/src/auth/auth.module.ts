import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersModule } from '../users';
import { AccessTokenService } from './access-token.service';
import { AccountController } from './account.controller';
import { AccountMailer } from './account-mailer';
import { AccountSettingsService } from './account-settings.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { RegistrationService } from './registration.service';
import { RefreshTokenService } from './refresh-token.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';

@Global()
@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }),
    }),
  ],
  controllers: [AuthController, AccountController],
  providers: [
    AccessTokenService,
    PasswordService,
    RefreshTokenService,
    RefreshTokensRepository,
    AuthService,
    AccountTokensRepository,
    AccountMailer,
    RegistrationService,
    PasswordResetService,
    AccountSettingsService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AccessTokenService, PasswordService],
})
export class AuthModule {}
