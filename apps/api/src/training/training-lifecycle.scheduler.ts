import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs';
import { TrainingLifecycleService } from './training-lifecycle.service';

/** The queue of the job that moves trainings to delivered and evaluated, and how often it fires (UTC cron). */
export const TRAINING_LIFECYCLE_QUEUE = 'training.lifecycle';
export const TRAINING_LIFECYCLE_CRON = '*/10 * * * *';

/**
 * Every ten minutes (once across instances) the due trainings move on: a move is at most ten
 * minutes late, and a missed tick is caught up by the next, since the job looks for every due request.
 * Off under NODE_ENV=test (TRAINING_LIFECYCLE_SCHEDULE), where tests call the tick themselves.
 */
@Injectable()
export class TrainingLifecycleScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly lifecycle: TrainingLifecycleService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.trainingLifecycleSchedule) return;
    await this.jobs.work(TRAINING_LIFECYCLE_QUEUE, async () => {
      await this.lifecycle.tick();
    });
    await this.jobs.schedule(TRAINING_LIFECYCLE_QUEUE, TRAINING_LIFECYCLE_CRON);
  }
}
