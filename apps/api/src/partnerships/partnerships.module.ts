import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { MatchingService } from './matching.service';
import { MilestonesRepository } from './milestones.repository';
import { MilestonesService } from './milestones.service';
import { PartnershipLifecycleService } from './partnership-lifecycle.service';
import { PartnershipPolicy } from './partnership-policy.service';
import { MatchingController, PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

@Module({
  imports: [CitiesModule],
  controllers: [PartnershipsController, MatchingController],
  providers: [
    PartnershipsRepository,
    MilestonesRepository,
    ActivityRepository,
    PartnershipPolicy,
    PartnershipsService,
    PartnershipLifecycleService,
    MilestonesService,
    ActivityService,
    MatchingService,
  ],
  exports: [MilestonesRepository],
})
export class PartnershipsModule {}
