import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The inbound webhook's shared secret: `Authorization: Bearer <INBOUND_WEBHOOK_SECRET>`, compared in
 * constant time. Without a configured secret the webhook does not exist (404).
 */
@Injectable()
export class InboundWebhookGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.mail.inboundWebhookSecret === null ? null : digest(config.mail.inboundWebhookSecret);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === null) throw AppError.notFound('Route');
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers.authorization;
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    // Hashing first gives both sides the same length, so the comparison time says nothing about the secret.
    if (presented === undefined || !timingSafeEqual(digest(presented), this.expected)) {
      throw AppError.unauthenticated('The inbound webhook needs its shared secret.');
    }
    return true;
  }
}
