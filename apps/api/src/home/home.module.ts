import { Module } from '@nestjs/common';
import { WaitingModule } from '../waiting';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

/** The signed-in user's home page (`GET /api/me/home`), read from the waiting module. */
@Module({
  imports: [WaitingModule],
  controllers: [HomeController],
  providers: [HomeService, HomeRepository],
})
export class HomeModule {}
