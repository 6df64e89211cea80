import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface LimitSpec {
  /** Key prefix, e.g. "login-ip". */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Fixed-window rate limits. In memory on a single instance; shared through Redis when REDIS_URL is
 * set, so a limit holds across instances. Exceeding a limit throws RATE_LIMITED with Retry-After.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (err) => this.logger.warn(`Redis (rate limits): ${err.message}`));
  }

  private limiter(spec: LimitSpec): RateLimiterAbstract {
    const key = `${spec.name}:${spec.points}:${spec.durationSeconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const opts = { keyPrefix: `twinning-rl:${spec.name}`, points: spec.points, duration: spec.durationSeconds };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...opts,
            storeClient: this.redis,
            // Redis down: fall back to a per-instance limit rather than letting everything through.
            insuranceLimiter: new RateLimiterMemory(opts),
          })
        : new RateLimiterMemory(opts);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Consumes one point for `key`; throws RATE_LIMITED (with the seconds to wait) when none is left. */
  async consume(spec: LimitSpec, key: string, points = 1): Promise<void> {
    try {
      await this.limiter(spec).consume(key, points);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new AppError(
          ErrorCode.RATE_LIMITED,
          `Too many attempts; try again in ${retryAfter} seconds.`,
          undefined,
          retryAfter,
        );
      }
      throw res;
    }
  }

  async reset(spec: LimitSpec, key: string): Promise<void> {
    await this.limiter(spec)
      .delete(key)
      .catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
