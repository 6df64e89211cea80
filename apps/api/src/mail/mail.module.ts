import { Global, Module } from '@nestjs/common';
import { MailSender } from './mail-sender';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

/** Writing, storing and sending mail; global because every feature that notifies writes mail. */
@Global()
@Module({
  providers: [MailService, MailRepository, MailSender],
  exports: [MailService],
})
export class MailModule {}
