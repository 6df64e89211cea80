import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs';
import { DigestsService } from './digests.service';

/** The queue of the digest tick, and how often it fires (UTC cron; every zone's 08:00 falls on a 5-minute mark). */
export const DIGEST_TICK_QUEUE = 'digests.tick';
export const DIGEST_TICK_CRON = '*/5 * * * *';
/** Old claimed periods are pruned once a day, away from the hours most zones' digests go out. */
export const DIGEST_PRUNE_QUEUE = 'digests.prune';
export const DIGEST_PRUNE_CRON = '17 3 * * *';

/**
 * The instant a tick runs for: now, or a past instant given as `{ "at": "<ISO 8601>" }` in the
 * job's data, so an operator can re-run the digests of a window an outage missed (claims keep a
 * user's period from going out twice). Anything else, or a future instant, means now.
 */
export function tickInstant(data: { at?: unknown } | null | undefined, now: Date = new Date()): Date | undefined {
  if (typeof data?.at !== 'string') return undefined;
  const at = new Date(data.at);
  return Number.isNaN(at.getTime()) || at > now ? undefined : at;
}

/**
 * Schedules the digest tick in the job queue (pg-boss fires each occurrence once across instances)
 * and works it here: three ticks fall inside every user's 08:00–08:15 window, so one missed tick
 * delays a digest by five minutes rather than a day. Off under NODE_ENV=test unless DIGEST_SCHEDULE
 * says otherwise, so tests tick by hand with the Clock set.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly digests: DigestsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.digests.schedule) return;
    await this.jobs.work<{ at?: unknown }>(DIGEST_TICK_QUEUE, async (job) => {
      await this.digests.runDueDigests(tickInstant(job.data));
    });
    await this.jobs.work(DIGEST_PRUNE_QUEUE, async () => {
      await this.digests.prune();
    });
    await this.jobs.schedule(DIGEST_TICK_QUEUE, DIGEST_TICK_CRON);
    await this.jobs.schedule(DIGEST_PRUNE_QUEUE, DIGEST_PRUNE_CRON);
  }
}
