import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_MAIL_DEFAULTS, type DigestKind } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, unsubscribeLinks } from '../mail';
import { NotificationSettingsService } from '../notifications';
import { WaitingService } from '../waiting';
import { renderDigest } from './digest-render';
import { dueZones } from './digest-window';
import { DigestsRepository, type DigestClaim, type DueUserRow } from './digests.repository';

/** Users read per batch, digests written at once (each its own transaction), notifications listed per digest. */
const BATCH_SIZE = 250;
const CONCURRENCY = 4;
const NOTIFICATIONS_LISTED = 30;
const PRUNE_AFTER_DAYS = 35;

export interface DigestRunResult {
  /** Users whose period came up (claimed now, with or without a mail). */
  due: number;
  sent: number;
}

/**
 * The daily and weekly digests. A tick (every few minutes, on any number of instances) finds the
 * users whose wall clock reads 08:00–08:15 and whose period is unclaimed, in batches. A user with a
 * notification of a digest kind since their previous digest gets one mail; the period is claimed in
 * the transaction that writes it, so two instances ticking together send it once. Users with
 * nothing new are claimed without a mail, so the next digest starts from here.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger(DigestsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly digests: DigestsRepository,
    private readonly waiting: WaitingService,
    private readonly mail: MailService,
    private readonly settings: NotificationSettingsService,
    private readonly clock: Clock,
  ) {}

  async runDueDigests(now: Date = this.clock.now()): Promise<DigestRunResult> {
    const result: DigestRunResult = { due: 0, sent: 0 };
    const zones = dueZones(now, await this.digests.mailableTimeZones());
    if (zones.length === 0) return result;
    let afterId: string | null = null;
    for (;;) {
      const batch: DueUserRow[] = await this.digests.dueBatch({
        zones,
        now,
        afterId,
        limit: BATCH_SIZE,
        listLimit: NOTIFICATIONS_LISTED,
        defaults: NOTIFICATION_MAIL_DEFAULTS,
      });
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1].id;
      const quiet = batch.filter((user) => user.notification_count === 0);
      result.due += (
        await this.digests.claim(
          this.dataSource.manager,
          quiet.map((u) => claimOf(u, now)),
        )
      ).size;
      const pending = batch.filter((user) => user.notification_count > 0);
      const worker = async () => {
        for (let user = pending.shift(); user; user = pending.shift()) {
          if (await this.sendDigest(user, now)) {
            result.due++;
            result.sent++;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (batch.length < BATCH_SIZE) break;
    }
    return result;
  }

  /** Forgets digest periods older than five weeks that later ones supersede (a daily job). */
  prune(now: Date = this.clock.now()): Promise<number> {
    return this.digests.prune(new Date(now.getTime() - PRUNE_AFTER_DAYS * 86_400_000));
  }

  /**
   * Writes the user's digest and claims their period in one transaction: the claim comes last,
   * carrying the mail's id, and a period claimed meanwhile (another instance or tick) rolls the
   * mail back. Answers whether this call sent it.
   */
  private async sendDigest(user: DueUserRow, now: Date): Promise<boolean> {
    const kind: DigestKind = !user.weekly || !user.has_weekly ? 'daily' : user.has_daily ? 'combined' : 'weekly';
    try {
      await this.dataSource.transaction(async (manager) => {
        const waiting = await this.waiting.forUser(
          { id: user.id, roles: user.roles },
          { since: kind === 'weekly' ? user.weekly_since : user.daily_since, now },
          manager,
        );
        // one link per digest mail: Monday's combined one turns off both periods
        const unsubscribe = unsubscribeLinks(
          this.config.publicUrl,
          this.settings.unsubscribeToken(user.id, `digest.${kind}`),
        );
        const rendered = renderDigest({
          kind,
          lang: user.preferred_language,
          timeZone: user.time_zone,
          displayName: user.display_name,
          localDate: user.local_date,
          notifications: user.notifications,
          notificationCount: user.notification_count,
          waiting,
          publicUrl: this.config.publicUrl,
          unsubscribeUrl: unsubscribe.pageUrl,
        });
        const mail = await this.mail.enqueue(manager, {
          to: user.email,
          userId: user.id,
          category: `digest.${kind}`,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          headers: { ...unsubscribe.headers, 'Auto-Submitted': 'auto-generated' },
        });
        const claimed = await this.digests.claim(manager, [{ ...claimOf(user, now), mailId: mail.id }]);
        if (!claimed.has(user.id)) throw new AlreadyClaimed();
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyClaimed) return false;
      // the period stays unclaimed: a later tick inside the window tries again
      this.logger.error(`Digest for user ${user.id} failed: ${(error as Error).message}`);
      return false;
    }
  }
}

/** Another instance or tick claimed the period first: this transaction's mail is rolled back. */
class AlreadyClaimed extends Error {}

function claimOf(user: DueUserRow, now: Date): DigestClaim {
  return { userId: user.id, periodKey: user.local_date, daily: true, weekly: user.weekly, windowEnd: now };
}
