/** What other folders may use of this feature (docs/architecture.md). */
export { PartnershipsModule } from './partnerships.module';
export { MILESTONE_SELECT, toMilestone } from './partnerships.service';
export type { MilestoneRow } from './partnerships.service';
