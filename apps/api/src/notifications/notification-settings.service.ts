import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_MAIL_DEFAULTS,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationSettingDto,
  type UnsubscribeDigest,
  type UnsubscribeInfoDto,
  type UnsubscribeResultDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { UnsubscribeTokens, type UnsubscribeTarget } from './unsubscribe-token';

/** Unsubscribe links are public: a few tries per minute per address, enough for a person, not for a scan. */
export const UNSUBSCRIBE_LIMIT: LimitSpec = { name: 'unsubscribe-ip', points: 30, durationSeconds: 60 };

/**
 * How each kind of notification reaches a user by mail: their choices in Profile, and the
 * one-click unsubscribe that turns off one kind without signing in.
 */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
    private readonly tokens: UnsubscribeTokens,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Every kind with the user's delivery (their choice, or the default). */
  async list(user: Pick<AuthUser, 'id'>): Promise<NotificationSettingDto[]> {
    const chosen = await this.settings.chosen(user.id);
    return NOTIFICATION_KINDS.map((kind) => {
      const delivery = chosen.get(kind);
      return { kind, delivery: delivery ?? NOTIFICATION_MAIL_DEFAULTS[kind], isDefault: delivery === undefined };
    });
  }

  /** Sets the given kinds (the others keep theirs); a kind named twice is refused. */
  async update(
    user: Pick<AuthUser, 'id'>,
    settings: readonly { kind: NotificationKind; delivery: NotificationDelivery }[],
  ): Promise<NotificationSettingDto[]> {
    const seen = new Set<string>();
    settings.forEach((s, i) => {
      if (seen.has(s.kind)) throw AppError.field(`settings.${i}.kind`, 'listedTwice', { value: s.kind });
      seen.add(s.kind);
    });
    await this.settings.upsert(this.dataSource.manager, user.id, settings);
    return this.list(user);
  }

  /** What the link would turn off; changes nothing (mail scanners open links). */
  async unsubscribeInfo(token: string | undefined, ip: string): Promise<UnsubscribeInfoDto> {
    await this.rateLimits.consume(UNSUBSCRIBE_LIMIT, ip);
    const { userId, kind } = await this.requireToken(token);
    const chosen = await this.settings.chosen(userId);
    const digest = digestOf(kind);
    if (digest) return { digest, kinds: kindsInDigest(chosen, digest) };
    return {
      kind: kind as NotificationKind,
      delivery: chosen.get(kind as NotificationKind) ?? NOTIFICATION_MAIL_DEFAULTS[kind as NotificationKind],
    };
  }

  /**
   * Turns the token's kind off for the token's user (one-click, RFC 8058); a digest's token turns
   * off every kind whose delivery (their choice, else the default) is that digest's period.
   */
  async unsubscribe(token: string | undefined, ip: string): Promise<UnsubscribeResultDto> {
    await this.rateLimits.consume(UNSUBSCRIBE_LIMIT, ip);
    const { userId, kind } = await this.requireToken(token);
    const digest = digestOf(kind);
    if (!digest) {
      await this.settings.upsert(this.dataSource.manager, userId, [
        { kind: kind as NotificationKind, delivery: 'off' },
      ]);
      return { kind: kind as NotificationKind, delivery: 'off' };
    }
    const kinds = await this.dataSource.transaction(async (manager) => {
      const found = kindsInDigest(await this.settings.chosen(userId, manager), digest);
      await this.settings.upsert(
        manager,
        userId,
        found.map((k) => ({ kind: k, delivery: 'off' as const })),
      );
      return found;
    });
    return { digest, kinds, delivery: 'off' };
  }

  /** The token of an unsubscribe link: one kind of notification mail, or a digest. */
  unsubscribeToken(userId: string, kind: UnsubscribeTarget): string {
    return this.tokens.sign(userId, kind);
  }

  private async requireToken(token: string | undefined): Promise<{ userId: string; kind: UnsubscribeTarget }> {
    const claim = this.tokens.verify(token);
    if (!claim || !(await this.settings.userExists(claim.userId))) {
      throw AppError.field('token', 'invalidUnsubscribeLink');
    }
    return claim;
  }
}

function digestOf(target: UnsubscribeTarget): UnsubscribeDigest | null {
  return target.startsWith('digest.') ? (target.slice('digest.'.length) as UnsubscribeDigest) : null;
}

/** The kinds that reach the user in that digest now: their choice, else the default. */
function kindsInDigest(
  chosen: ReadonlyMap<string, NotificationDelivery>,
  digest: UnsubscribeDigest,
): NotificationKind[] {
  const periods: NotificationDelivery[] = digest === 'combined' ? ['daily', 'weekly'] : [digest];
  return NOTIFICATION_KINDS.filter((kind) => periods.includes(chosen.get(kind) ?? NOTIFICATION_MAIL_DEFAULTS[kind]));
}
