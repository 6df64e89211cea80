import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersRepository } from '../users';
import type { AuthUser } from '../common/auth-user';
import type { AccessTokenPayload } from './access-token-payload';

/** Signing and verification options shared by HTTP (passport-jwt) and socket handshakes. */
export const JWT_ISSUER = 'twinning';
export const JWT_AUDIENCE = 'twinning-api';
export const JWT_ALGORITHM = 'HS256' as const;

/**
 * The single place that turns an access token into an AuthUser. The HTTP guard (through the
 * passport strategy) and the socket.io handshake middleware both end here.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {}

  /** `familyId`: the refresh-token family of the sign-in, so "sign out other sessions" can keep this one. */
  sign(userId: string, familyId?: string): { token: string; expiresIn: number } {
    const payload: AccessTokenPayload = {
      sub: userId,
      typ: 'access',
      iam: Date.now(),
      ...(familyId ? { fam: familyId } : {}),
    };
    const token = this.jwt.sign(payload, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return { token, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Verifies signature (HS256 only — `alg: none` and other algorithms are refused), expiry, issuer, audience. */
  async verify(token: string): Promise<AccessTokenPayload> {
    try {
      return await this.jwt.verifyAsync<AccessTokenPayload>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') {
        throw new AppError(ErrorCode.TOKEN_EXPIRED, 'The access token has expired; refresh it.');
      }
      throw AppError.unauthenticated('The access token is invalid.');
    }
  }

  /** Loads the current state of the token's user: a deleted user or a changed role takes effect at once. */
  async resolveUser(payload: AccessTokenPayload): Promise<AuthUser> {
    if (payload?.typ !== 'access' || typeof payload.sub !== 'string') {
      throw AppError.unauthenticated('The access token is invalid.');
    }
    const found = await this.users.findAuthUser(payload.sub);
    if (!found) throw AppError.unauthenticated('The account no longer exists.');
    const issuedAt = payload.iam ?? (payload.iat ?? 0) * 1000;
    if (found.sessionsRevokedAt && issuedAt < found.sessionsRevokedAt.getTime()) {
      throw AppError.unauthenticated('This session was signed out. Sign in again.');
    }
    return found.user;
  }

  /** The sign-in (refresh-token family) of a request's bearer token, already verified by the guard. */
  async familyOfBearer(authorization: string | undefined): Promise<string | undefined> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    return token ? (await this.verify(token)).fam : undefined;
  }

  async authenticate(token: string | undefined | null): Promise<AuthUser> {
    if (!token) throw AppError.unauthenticated();
    return this.resolveUser(await this.verify(token));
  }
}
