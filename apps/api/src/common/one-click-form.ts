import { errorCodes, type FastifyInstance } from 'fastify';

/**
 * Fastify route config flag for RFC 8058 one-click unsubscribe: mail providers POST
 * `List-Unsubscribe=One-Click` as multipart/form-data (what the RFC recommends) or urlencoded.
 * Routes that carry the flag take a multipart body and ignore it; every other route still answers
 * 415 to multipart, as before.
 */
export const ONE_CLICK_FORM = 'twinningOneClickForm';

export function acceptOneClickForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: 16 * 1024 },
    (request, _body, done) => {
      const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
      if (config?.[ONE_CLICK_FORM]) done(null, {});
      else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('multipart/form-data'), undefined);
    },
  );
}
