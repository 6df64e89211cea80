import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCode, REFRESH_COOKIE_NAME, type AuthResponse } from '@twinning/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from '../common/app-error';
import { Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService, type SessionResult } from './auth.service';
import { LoginDto, RegisterDto } from './dto/auth.dto';

const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  async register(
    @Body() body: RegisterDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.withCookie(reply, await this.auth.register(body, req.ip));
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
