import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  imports: [ForumsModule],
  controllers: [ModerationController],
  providers: [ModerationService],
})
export class ModerationModule {}
