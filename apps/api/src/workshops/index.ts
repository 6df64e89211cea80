/** What other folders may use of this feature (docs/architecture.md). */
export { WorkshopsModule } from './workshops.module';
