/** What other folders may use of this feature (docs/architecture.md). */
export { PartnershipsModule } from './partnerships.module';
export { MilestonesRepository } from './milestones.repository';
