import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { ErrorCode, REFRESH_COOKIE_NAME } from '@twinning/contracts';
import request from 'supertest';
import { bootApp, type TestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** The routes that read the refresh cookie instead of an access token. */
const REFRESH_COOKIE_ROUTES = ['POST /api/auth/refresh', 'POST /api/auth/logout'];
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

describe('OpenAPI document (/api/docs-json)', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  const operations: { route: string; method: (typeof METHODS)[number]; path: string; operation: OperationObject }[] =
    [];

  beforeAll(async () => {
    t = await bootApp();
    document = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) operations.push({ route: `${method.toUpperCase()} ${path}`, method, path, operation });
      }
    }
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document', async () => {
    expect(document.openapi).toMatch(/^3\./);
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(operations.length).toBeGreaterThan(50);
  });

  it('defines every security scheme an operation names, and the refresh cookie as an apiKey in a cookie', () => {
    const schemes = document.components?.securitySchemes ?? {};
    expect(schemes[REFRESH_COOKIE_NAME]).toMatchObject({ type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE_NAME });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const undefinedSchemes = operations.flatMap(({ route, operation }) =>
      (operation.security ?? []).flatMap((requirement) =>
        Object.keys(requirement)
          .filter((name) => !(name in schemes))
          .map((name) => `${route} → ${name}`),
      ),
    );
    expect(undefinedSchemes).toEqual([]);
  });

  it('declares on every operation the security its guard enforces: public, bearer or the refresh cookie', async () => {
    // Ask the server itself: without credentials, the global guard answers UNAUTHENTICATED on exactly
    // the routes that need an access token; public routes reach their handler (which refuses bad input).
    const mismatches: string[] = [];
    for (const { route, method, path, operation } of operations) {
      const url = path.replace(/\{[^}]+\}/g, NIL_UUID);
      const res = await (['post', 'put', 'patch'].includes(method)
        ? request(t.app.getHttpServer())[method](url).send({})
        : request(t.app.getHttpServer())[method](url));
      const guarded = res.status === 401 && res.body.code === ErrorCode.UNAUTHENTICATED;
      const expected = guarded
        ? [{ bearer: [] }]
        : REFRESH_COOKIE_ROUTES.includes(route)
          ? [{ [REFRESH_COOKIE_NAME]: [] }]
          : 'none';
      const declared = (operation.security ?? []).filter((requirement) => Object.keys(requirement).length > 0);
      const actual = declared.length === 0 ? 'none' : declared;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${route}: declares ${JSON.stringify(actual)}, the guard says ${JSON.stringify(expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The probe saw both kinds of route, and the refresh-cookie routes are public to the guard.
    const declaredBearer = operations.filter(({ operation }) => operation.security?.some((r) => 'bearer' in r));
    expect(declaredBearer.length).toBeGreaterThan(40);
    for (const route of REFRESH_COOKIE_ROUTES) expect(operations.map((o) => o.route)).toContain(route);
  });
});
