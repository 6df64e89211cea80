/** What other folders may use of this feature (docs/architecture.md). */
export { VisitsModule } from './visits.module';
