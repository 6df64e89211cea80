import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs';
import { SearchRepository } from './search.repository';

/** The queue of the job that moves search's first-pass window, and how often it fires (UTC cron). */
export const SEARCH_WINDOW_QUEUE = 'search.window';
export const SEARCH_WINDOW_CRON = '*/10 * * * *';

/**
 * Keeps search's first pass small: every ten minutes (once across instances) the window moves up
 * to the newest SEARCH_WINDOW_POSTS posts, dropping older rows from its copy. Between moves the
 * window only grows with new posts, so a late or missed move costs speed, never results.
 */
@Injectable()
export class SearchWindowScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly search: SearchRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.searchWindowSchedule) return;
    await this.jobs.work(SEARCH_WINDOW_QUEUE, async () => {
      await this.search.moveWindow();
    });
    await this.jobs.schedule(SEARCH_WINDOW_QUEUE, SEARCH_WINDOW_CRON);
  }
}
