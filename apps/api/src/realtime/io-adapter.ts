import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';

/**
 * socket.io server options from validated config: CORS and the handshake origin check use the
 * same CORS_ORIGINS list as HTTP. Clients without an Origin header (servers, tests) pass; they
 * still need a valid access token.
 *
 * With REDIS_URL set, every namespace uses the Redis streams adapter, so an event emitted to a
 * room on one instance reaches the sockets in that room on every instance. Without it, one
 * instance works on its own.
 */
export class AppIoAdapter extends IoAdapter {
  private readonly log = new Logger('AppIoAdapter');
  private redis: Redis | null = null;
  /** Clients the streams adapter duplicates for its blocking reads; closed with the server. */
  private readonly duplicates: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.corsOrigins;
    const server: Server = super.createIOServer(port, {
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
    if (this.config.redisUrl) {
      if (!this.redis) {
        const redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
        redis.on('error', (err) => this.log.warn(`Redis (socket.io adapter): ${err.message}`));
        const duplicate = redis.duplicate.bind(redis);
        redis.duplicate = (...args: Parameters<Redis['duplicate']>) => {
          const copy = duplicate(...args);
          this.duplicates.push(copy);
          return copy;
        };
        this.redis = redis;
      }
      server.adapter(createAdapter(this.redis, { streamName: 'twinning:socket.io', onlyPlaintext: true }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    // closes the namespaces' adapters first, which stops the adapter's read loop
    await super.close(server);
    const redis = this.redis;
    this.redis = null;
    for (const copy of this.duplicates.splice(0)) copy.disconnect();
    await redis?.quit().catch(() => undefined);
  }
}
