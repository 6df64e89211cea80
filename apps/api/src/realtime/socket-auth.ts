import { Injectable } from '@nestjs/common';
import type { ApiError } from '@twinning/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AccessTokenService } from '../auth';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { socketLanguageOf } from './ws-error.filter';

export interface AuthedSocketData {
  user: AuthUser;
}

/** An Error whose `data` reaches the client's `connect_error` handler as `err.data`. */
export class HandshakeError extends Error {
  constructor(readonly data: ApiError) {
    super(data.message);
  }
}

/**
 * The one handshake guard for every namespace: `auth: { token }` must hold a valid access token,
 * verified by the same service as HTTP requests, and the socket's `data.user` is the signed-in
 * user. A rejected handshake gets `connect_error` whose `data` is `{ code, message }`. Gateways
 * call `guard` once their namespace is ready, so no feature needs to know how tokens work.
 */
@Injectable()
export class SocketAuth {
  constructor(private readonly tokens: AccessTokenService) {}

  guard(namespace: Namespace): void {
    namespace.use((socket: Socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.tokens
        .authenticate(typeof token === 'string' ? token : null)
        .then((user) => {
          (socket.data as AuthedSocketData).user = user;
          next();
        })
        .catch((err: unknown) => {
          const apiError =
            err instanceof AppError
              ? err.toApiError(socketLanguageOf(socket.handshake))
              : { code: 'SERVICE_UNAVAILABLE' as const, message: 'Authentication is unavailable; try again.' };
          next(new HandshakeError(apiError));
        });
    });
  }
}
