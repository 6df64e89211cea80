import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { FlagsRepository } from './flags.repository';
import { FlagsService } from './flags.service';
import { HidingService } from './hiding.service';
import { ModerationController } from './moderation.controller';
import { SilencesRepository } from './silences.repository';
import { SilencesService } from './silences.service';
import { ThreadModerationService } from './thread-moderation.service';

/**
 * Flags, hiding and restoring posts, pinning and locking threads, silences, and the audit log.
 * Every moderation action writes its audit row in the transaction that performs it; realtime
 * changes go out after commit.
 */
@Module({
  imports: [ForumsModule],
  controllers: [ModerationController],
  providers: [
    FlagsRepository,
    SilencesRepository,
    AuditRepository,
    FlagsService,
    HidingService,
    ThreadModerationService,
    SilencesService,
    AuditService,
  ],
})
export class ModerationModule {}
