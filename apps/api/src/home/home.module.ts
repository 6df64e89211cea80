import { Module } from '@nestjs/common';
import { WaitingModule } from '../waiting';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';
import { PublicOverviewController } from './public-overview.controller';
import { PublicOverviewService } from './public-overview.service';

/** The signed-in user's home page (`GET /api/me/home`, read with the waiting module) and the public landing page's facts. */
@Module({
  imports: [WaitingModule],
  controllers: [HomeController, PublicOverviewController],
  providers: [HomeService, HomeRepository, PublicOverviewService],
})
export class HomeModule {}
