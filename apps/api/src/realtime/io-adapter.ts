import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';

/**
 * socket.io server options from validated config: CORS and the handshake origin check use the
 * same CORS_ORIGINS list as HTTP. Clients without an Origin header (servers, tests) pass; they
 * still need a valid access token.
 */
export class AppIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.corsOrigins;
    return super.createIOServer(port, {
      ...options,
      cors: { origin: origins, credentials: true },
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, !origin || origins.includes(origin));
      },
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 20_000,
      pingTimeout: 20_000,
    } as ServerOptions);
  }
}
