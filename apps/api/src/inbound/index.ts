/** What other folders may use of reply by email (docs/architecture.md). */
export { InboundModule } from './inbound.module';
/**
 * `replyAddressFor(manager, userId, threadId)`: the Reply-To of a notification mail about a thread
 * (null when REPLY_TO_DOMAIN is unset). Its module is global: inject ReplyAddressService anywhere.
 */
export { ReplyAddressModule } from './reply-address.module';
export { ReplyAddressService } from './reply-address.service';
export { InboundMailService, type InboundOutcome } from './inbound-mail.service';
export { InboundSmtpListener } from './inbound-smtp.listener';
export { INBOUND_BODY_LIMIT, inboundWebhookBodyLimit } from './inbound.controller';
