/** What other folders may use of this feature (docs/architecture.md). */
export { WaitingModule } from './waiting.module';
export { WaitingService, firstLines, type WaitingOptions } from './waiting.service';
