import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCode, REFRESH_COOKIE_NAME, type AuthResponse, type CheckYourMailResponse } from '@twinning/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService, type SessionResult } from './auth.service';
import { ForgotPasswordDto, ResetPasswordDto, VerifyEmailDto } from './dto/account.dto';
import { LoginDto, RegisterDto } from './dto/auth.dto';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';

const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly passwordReset: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 202 "check your mail" whether or not the address has an account; no session. */
  @Public()
  @Post('register')
  @HttpCode(202)
  register(@Body() body: RegisterDto, @Req() req: FastifyRequest): Promise<CheckYourMailResponse> {
    return this.registration.register(body, req.ip);
  }

  /** Follows a verification link: verifies the address and signs in (like login). */
  @Public()
  @Post('verify-email')
  @HttpCode(200)
  async verifyEmail(
    @Body() body: VerifyEmailDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.withCookie(reply, await this.registration.verifyEmail(body.token));
  }

  @ApiBearerAuth()
  @Post('resend-verification')
  @HttpCode(202)
  resendVerification(@CurrentUser() user: AuthUser): Promise<CheckYourMailResponse> {
    return this.registration.resendVerification(user);
  }

  /** Always 202, in the same time, whether or not the address has an account. */
  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  forgotPassword(@Body() body: ForgotPasswordDto, @Req() req: FastifyRequest): Promise<CheckYourMailResponse> {
    return this.passwordReset.forgot(body, req.ip);
  }

  /** Sets the password from a reset link; every session of the account is signed out. */
  @Public()
  @Post('reset-password')
  @HttpCode(204)
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.passwordReset.reset(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.withCookie(reply, await this.auth.login(body, req.ip));
  }

  /** Exchanges the refresh cookie for a new access token and a rotated cookie. */
  @Public()
  @ApiCookieAuth(REFRESH_COOKIE_NAME)
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponse> {
    this.checkOrigin(req);
    try {
      return this.withCookie(reply, await this.auth.refresh(req.cookies[REFRESH_COOKIE_NAME]));
    } catch (err) {
      if (err instanceof AppError) this.clearCookie(reply);
      throw err;
    }
  }

  @Public()
  @ApiCookieAuth(REFRESH_COOKIE_NAME)
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    this.checkOrigin(req);
    await this.auth.logout(req.cookies[REFRESH_COOKIE_NAME]);
    this.clearCookie(reply);
  }

  /** The cookie is SameSite=Strict; refusing foreign origins outright is a second line against CSRF. */
  private checkOrigin(req: FastifyRequest): void {
    const origin = req.headers.origin;
    if (origin && !this.config.corsOrigins.includes(origin)) {
      throw new AppError(ErrorCode.ORIGIN_NOT_ALLOWED, `Origin ${origin} is not allowed.`);
    }
  }

  private withCookie(reply: FastifyReply, session: SessionResult): AuthResponse {
    reply.setCookie(REFRESH_COOKIE_NAME, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: COOKIE_PATH,
      maxAge: this.config.refreshTokenTtlDays * 86_400,
    });
    reply.header('Cache-Control', 'no-store');
    return session.body;
  }

  private clearCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE_NAME, { path: COOKIE_PATH });
  }
}
