import type { AppConfig } from '../config/app-config';
import type { LimitSpec } from '../rate-limit/rate-limit.service';

/** A limit keyed by client IP, sized by `config.rateLimits.authPerIpPoints` per auth window. */
export const perIpLimit = ({ rateLimits }: AppConfig, name: string): LimitSpec => ({
  name,
  points: rateLimits.authPerIpPoints,
  durationSeconds: rateLimits.authWindowSeconds,
});

/** A limit keyed by account or address, sized by `config.rateLimits.authPerAccountPoints` per auth window. */
export const perAccountLimit = ({ rateLimits }: AppConfig, name: string): LimitSpec => ({
  name,
  points: rateLimits.authPerAccountPoints,
  durationSeconds: rateLimits.authWindowSeconds,
});
