import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { IS_PUBLIC, REQUIRES_VERIFIED_EMAIL } from '../common/decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). On public routes a
 * valid token still identifies the viewer (so pages can adapt), and an invalid one is ignored.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() === 'ws') {
      // Sockets authenticate once, at the handshake (realtime/socket-auth.ts, same token service);
      // every event of a socket that got through carries its user.
      const client = context.switchToWs().getClient<{ data?: { user?: AuthUser } }>();
      if (!client.data?.user) throw AppError.unauthenticated();
      this.requireVerifiedEmail(context, client.data.user);
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) {
      const ok = (await super.canActivate(context)) as boolean;
      this.requireVerifiedEmail(context, context.switchToHttp().getRequest<{ user?: AuthUser }>().user);
      return ok;
    }
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    if (!request.headers.authorization) return true;
    try {
      await super.canActivate(context);
    } catch {
      // anonymous on a public route
    }
    return true;
  }

  /** Routes and events marked @RequireVerifiedEmail() refuse accounts whose address is not verified. */
  private requireVerifiedEmail(context: ExecutionContext, user: AuthUser | undefined): void {
    const required = this.reflector.getAllAndOverride<boolean>(REQUIRES_VERIFIED_EMAIL, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && user && !user.emailVerified) throw AppError.emailNotVerified();
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown): TUser {
    // `err` is what resolving the token's user threw (an AppError, or the database being unreachable
    // or its pool exhausted): pass it on so it maps to its own status (e.g. 503), never to a 401 that
    // would sign a valid user out. Token problems arrive in `info`.
    if (err) throw err;
    if (user) return user;
    const name = (info as Error | undefined)?.name;
    if (name === 'TokenExpiredError') {
      throw new AppError(ErrorCode.TOKEN_EXPIRED, 'The access token has expired; refresh it.');
    }
    if (info instanceof Error && info.message === 'No auth token') throw AppError.unauthenticated();
    throw AppError.unauthenticated(info ? 'The access token is invalid.' : 'Sign in to continue.');
  }
}
