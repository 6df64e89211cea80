import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { describeError } from '../common/error-mapping';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Why a request may not use the webhook (null when it may): 404 without a configured secret, 401
 * without `Authorization: Bearer <INBOUND_WEBHOOK_SECRET>`. Hashing first gives both sides the same
 * length, so the constant-time comparison says nothing about the secret.
 */
function webhookRefusal(expected: Buffer | null, header: string | undefined): AppError | null {
  if (expected === null) return AppError.notFound('Route');
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
    return AppError.unauthenticated('The inbound webhook needs its shared secret.');
  }
  return null;
}

const expectedDigest = (config: AppConfig): Buffer | null =>
  config.mail.inboundWebhookSecret === null ? null : digest(config.mail.inboundWebhookSecret);

/**
 * The same check as a Fastify onRequest hook, which runs before the body is read: the webhook takes
 * bodies of up to twice INBOUND_MAX_BYTES, and a client without the secret must not make us buffer
 * and parse them (create-app adds it to the webhook's route).
 */
export function inboundWebhookOnRequest(config: AppConfig) {
  const expected = expectedDigest(config);
  const logger = new Logger(InboundWebhookGuard.name);
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const refusal = webhookRefusal(expected, request.headers.authorization);
    if (!refusal) return done();
    const { status, body } = describeError(refusal, request, logger);
    void reply.status(status).header('Cache-Control', 'no-store').header('Connection', 'close').send(body);
  };
}

/** The inbound webhook's shared secret (also checked before the body is read: `inboundWebhookOnRequest`). */
@Injectable()
export class InboundWebhookGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = expectedDigest(config);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers.authorization;
    const refusal = webhookRefusal(this.expected, header);
    if (refusal) throw refusal;
    return true;
  }
}
