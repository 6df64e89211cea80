import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DECORATORS, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { REFRESH_COOKIE_NAME } from '@twinning/contracts';
import { IS_PUBLIC } from './common/decorators';

/** The security schemes the document defines; every operation's requirement names one of them. */
export const SECURITY_SCHEMES = { bearer: 'bearer', refreshCookie: REFRESH_COOKIE_NAME } as const;

/** How a route is reached, as the global JwtAuthGuard sees it. */
export type RouteAccess = 'public' | 'bearer' | 'refresh-cookie';

type SecurityRequirement = Record<string, string[]>;
interface RouteHandler {
  controller: Type<unknown>;
  handler: (...args: unknown[]) => unknown;
}

/**
 * Which requirement a route declares follows from the same metadata the guard reads: every route
 * needs the access token (bearer) unless it is @Public(); a public route that exchanges the refresh
 * cookie (it carries @ApiCookieAuth(REFRESH_COOKIE_NAME)) declares the cookie; other public routes
 * declare nothing.
 */
export function routeAccess(reflector: Reflector, { controller, handler }: RouteHandler): RouteAccess {
  if (!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller])) return 'bearer';
  const declared = reflector.getAllAndMerge<SecurityRequirement[]>(DECORATORS.API_SECURITY, [handler, controller]);
  return declared.some((requirement) => SECURITY_SCHEMES.refreshCookie in requirement) ? 'refresh-cookie' : 'public';
}

const REQUIREMENTS: Record<RouteAccess, SecurityRequirement[] | undefined> = {
  public: undefined,
  bearer: [{ [SECURITY_SCHEMES.bearer]: [] }],
  'refresh-cookie': [{ [SECURITY_SCHEMES.refreshCookie]: [] }],
};

/**
 * Every route handler of the application by the operationId @nestjs/swagger gives it
 * (`<Controller>_<method>`); null marks a name two controllers share.
 */
function handlersByOperationId(app: INestApplication): Map<string, RouteHandler | null> {
  const scanner = new MetadataScanner();
  const handlers = new Map<string, RouteHandler | null>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, RouteHandler['handler']>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const id = `${controller.name}_${name}`;
        handlers.set(id, handlers.has(id) ? null : { controller, handler });
      }
    }
  }
  return handlers;
}

/**
 * The OpenAPI document of the HTTP API. Security is derived here, in one place, for every operation
 * (see routeAccess), instead of trusting each controller's Swagger decorators to match its guard.
 */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Twinning API')
      .setDescription(
        'City-to-city partnerships on migration. Errors are always `{ code, message, fields? }`; codes are listed in @twinning/contracts.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, SECURITY_SCHEMES.bearer)
      .addCookieAuth(
        REFRESH_COOKIE_NAME,
        {
          type: 'apiKey',
          in: 'cookie',
          description: 'The httpOnly refresh cookie set by register, login and refresh (path /api/auth).',
        },
        SECURITY_SCHEMES.refreshCookie,
      )
      .build(),
  );

  const reflector = new Reflector();
  const handlers = handlersByOperationId(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const route = handlers.get(operation.operationId ?? '');
      if (!route) {
        throw new Error(
          `OpenAPI: cannot tell which handler serves ${method.toUpperCase()} ${path} (operationId ${operation.operationId}); controller class names must be unique`,
        );
      }
      const security = REQUIREMENTS[routeAccess(reflector, route)];
      if (security) operation.security = security;
      else delete operation.security;
    }
  }
  return document;
}

/** Serves the Swagger UI at /api/docs and the document at /api/docs-json. */
export function setupApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
