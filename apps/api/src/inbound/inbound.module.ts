import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums';
import { InboundController } from './inbound.controller';
import { InboundMailService } from './inbound-mail.service';
import { InboundSmtpListener } from './inbound-smtp.listener';
import { InboundWebhookGuard } from './inbound-webhook.guard';
import { ReplyAddressModule } from './reply-address.module';

/** Reply by email: the inbound SMTP listener and webhook, and posting what arrives as its sender. */
@Module({
  imports: [ReplyAddressModule, ForumsModule],
  controllers: [InboundController],
  providers: [InboundMailService, InboundSmtpListener, InboundWebhookGuard],
})
export class InboundModule {}
