/** What other folders may use of this feature (docs/architecture.md). */
export { TrainingModule } from './training.module';
export { assertTrainingMove } from './training-requests.service';
export { TrainingLifecycleService } from './training-lifecycle.service';
