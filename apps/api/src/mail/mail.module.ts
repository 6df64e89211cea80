import { Global, Module } from '@nestjs/common';
import { MailSender } from './mail-sender';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** Writing, storing and sending mail; global because every feature that notifies writes mail. */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [MailService, MailRepository, MailSender, OutboxService],
  exports: [MailService],
})
export class MailModule {}
