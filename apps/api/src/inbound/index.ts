/**
 * What other folders may use of reply by email (docs/architecture.md). Kept light on purpose: the
 * notification mail imports it for `ReplyAddressService.replyAddressFor(manager, userId, threadId)`
 * (the Reply-To of a mail about a thread; null when REPLY_TO_DOMAIN is unset), and must not pull in
 * the forums (which notify). `ReplyAddressModule` is global. The module that receives mail and posts
 * (`InboundModule`) is the folder's second entry, `inbound.module.ts`, imported by the app module.
 */
export { ReplyAddressModule } from './reply-address.module';
export { ReplyAddressService } from './reply-address.service';
export { INBOUND_BODY_LIMIT, inboundWebhookBodyLimit } from './webhook-limits';
export { inboundWebhookOnRequest } from './inbound-webhook.guard';
