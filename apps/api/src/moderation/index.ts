/** What other folders may use of this feature (docs/architecture.md). */
export { ModerationModule } from './moderation.module';
