import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesController, JoinRequestsController } from './cities.controller';
import { CitiesService } from './cities.service';
import { CityMembershipEntity } from '../database/entities/city-membership.entity';
import { CityEntity } from '../database/entities/city.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CityEntity, CityMembershipEntity])],
  controllers: [CitiesController, JoinRequestsController],
  providers: [CitiesService],
  exports: [CitiesService],
})
export class CitiesModule {}
