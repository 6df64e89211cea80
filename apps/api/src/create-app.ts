import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation';
import { HttpErrorFilter } from './common/http-error.filter';
import { acceptOneClickForms } from './common/one-click-form';
import type { AppConfig } from './config/app-config';
import { httpLogging } from './config/logging';
import { INBOUND_BODY_LIMIT, inboundWebhookBodyLimit, inboundWebhookOnRequest } from './inbound';
import { setupApiDocs } from './openapi';
import { AppIoAdapter } from './realtime/io-adapter';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  trace: ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'],
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
  fatal: ['fatal'],
  silent: [],
};

/** Builds the whole application (HTTP API, socket.io, web client) without listening. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  opts: { typeormLogger?: TypeOrmLogger } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // JSON logs (pino): every request at info in production, one line at debug in development.
    ...httpLogging(config),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, typeormLogger: opts.typeormLogger }),
    adapter,
    {
      logger: new ConsoleLogger({ json: config.nodeEnv === 'production', logLevels: NEST_LEVELS[config.logLevel] }),
      abortOnError: false,
    },
  );

  // The inbound mail webhook takes whole messages (INBOUND_MAX_BYTES), more than the 256 KB of other
  // routes, and only from a client with its secret: checked before the body is read.
  adapter.getInstance().addHook('onRoute', (route) => {
    if ((route.config as Record<string, unknown> | undefined)?.[INBOUND_BODY_LIMIT]) {
      route.bodyLimit = inboundWebhookBodyLimit(config.mail.inboundMaxBytes);
      const existing = route.onRequest === undefined ? [] : ([] as unknown[]).concat(route.onRequest);
      route.onRequest = [...existing, inboundWebhookOnRequest(config)] as typeof route.onRequest;
    }
  });

  // JSON only: a text/plain body is refused with 415 instead of reaching the validators as a string.
  adapter.getInstance().removeContentTypeParser(['text/plain']);
  acceptOneClickForms(adapter.getInstance());

  // Well-known routes live at the origin's root, as their specifications say.
  app.setGlobalPrefix('api', { exclude: ['.well-known/jwks.json'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(config.webDistDir, { devPages: config.nodeEnv !== 'production' }));
  app.useWebSocketAdapter(new AppIoAdapter(app, config));
  app.enableCors({ origin: config.corsOrigins, credentials: true, maxAge: 600 });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        // Meetings on MEETING_EMBED_ORIGINS open in a frame beside the room's chat; nothing else may be framed.
        ...(config.meetingEmbedOrigins.length > 0 ? { frameSrc: config.meetingEmbedOrigins } : {}),
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.nodeEnv === 'production' ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  if (config.webDistDir) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      // Vite fingerprints everything under assets/; index.html must always be revalidated.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.header('Cache-Control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  setupApiDocs(app);

  return app;
}
