import { Module } from '@nestjs/common';
import { WaitingModule } from '../waiting';
import { DigestScheduler } from './digest-scheduler';
import { DigestsRepository } from './digests.repository';
import { DigestsService } from './digests.service';

/** The daily and weekly digest mail. */
@Module({
  imports: [WaitingModule],
  providers: [DigestsService, DigestsRepository, DigestScheduler],
  exports: [DigestsService],
})
export class DigestsModule {}
