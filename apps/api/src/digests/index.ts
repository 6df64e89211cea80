/** What other folders may use of this feature (docs/architecture.md). */
export { DigestsModule } from './digests.module';
export { DigestsService, type DigestRunResult } from './digests.service';
export { DIGEST_PRUNE_QUEUE, DIGEST_TICK_CRON, DIGEST_TICK_QUEUE } from './digest-scheduler';
