/** What other folders may use of this feature (docs/architecture.md). */
export { PartnershipsModule } from './partnerships.module';
export { MilestonesRepository } from './milestones.repository';
/** Temporary: visits still embeds this SQL in one query; it moves to MilestonesRepository.findByIds. */
export { MILESTONE_SELECT, toMilestone } from './milestones.repository';
export type { MilestoneRow } from './milestones.repository';
