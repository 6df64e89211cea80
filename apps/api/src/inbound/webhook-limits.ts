/** Fastify route config flag: create-app gives routes that carry it the inbound body limit. */
export const INBOUND_BODY_LIMIT = 'twinningInboundBodyLimit';

/** JSON escaping can double a message's size; the message itself is then checked against INBOUND_MAX_BYTES. */
export const inboundWebhookBodyLimit = (maxBytes: number): number => maxBytes * 2 + 64 * 1024;
