import { Module } from '@nestjs/common';
import { WaitingController } from './waiting.controller';
import { WaitingRepository } from './waiting.repository';
import { WaitingService } from './waiting.service';

/** "What waits for this user": the digests and the home page read it. */
@Module({
  controllers: [WaitingController],
  providers: [WaitingService, WaitingRepository],
  exports: [WaitingService],
})
export class WaitingModule {}
