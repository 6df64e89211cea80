import { Module } from '@nestjs/common';
import { UsersModule } from '../users';
import { CitiesController, JoinRequestsController } from './cities.controller';
import { CitiesRepository } from './cities.repository';
import { CitiesService } from './cities.service';
import { CityMembershipsRepository } from './memberships.repository';

@Module({
  imports: [UsersModule],
  controllers: [CitiesController, JoinRequestsController],
  providers: [CitiesService, CitiesRepository, CityMembershipsRepository],
  exports: [CitiesRepository, CityMembershipsRepository],
})
export class CitiesModule {}
