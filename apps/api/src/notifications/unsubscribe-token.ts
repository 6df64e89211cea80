import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, type NotificationKind, type UnsubscribeDigest } from '@twinning/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What a token turns off: one kind of notification mail, or a digest (`digest.daily|weekly|combined`). */
export type UnsubscribeTarget = NotificationKind | `digest.${UnsubscribeDigest}`;

const TARGETS: readonly string[] = [...NOTIFICATION_KINDS, 'digest.daily', 'digest.weekly', 'digest.combined'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The unsubscribe link's token: `<base64url(userId:kind)>.<HMAC-SHA256>`, keyed with a key derived
 * from JWT_SECRET for this purpose only. It turns off one kind of mail, or one digest, for one user;
 * it does not expire (an old mail's link keeps working) and cannot be forged or bent to another user
 * or kind.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('twinning:notification-unsubscribe:v1').digest();
  }

  sign(userId: string, kind: UnsubscribeTarget): string {
    const body = Buffer.from(`${userId}:${kind}`).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The user and kind (or digest) the token was signed for, or null when it is malformed or forged. */
  verify(token: string | undefined): { userId: string; kind: UnsubscribeTarget } | null {
    if (typeof token !== 'string' || token.length > 300) return null;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [userId, kind, ...rest] = Buffer.from(body, 'base64url').toString('utf8').split(':');
    if (rest.length || !UUID.test(userId ?? '')) return null;
    if (!TARGETS.includes(kind ?? '')) return null;
    return { userId, kind: kind as UnsubscribeTarget };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
