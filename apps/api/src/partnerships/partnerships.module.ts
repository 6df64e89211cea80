import { Module } from '@nestjs/common';
import { MatchingService } from './matching.service';
import { MatchingController, PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

@Module({
  controllers: [PartnershipsController, MatchingController],
  providers: [PartnershipsService, MatchingService],
})
export class PartnershipsModule {}
