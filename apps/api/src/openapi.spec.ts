import { Controller, Get, Module, Post, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { REFRESH_COOKIE_NAME } from '@twinning/contracts';
import { Public } from './common/decorators';
import { createApiDocument, SECURITY_SCHEMES } from './openapi';

@Public()
@Controller('open')
class OpenController {
  @Get()
  list(): string {
    return 'list';
  }
}

// Class-level Swagger decorators say bearer; the guard's metadata wins route by route.
@ApiBearerAuth()
@Controller('mixed')
class MixedController {
  @Public()
  @Get('public')
  anyone(): string {
    return 'anyone';
  }

  @Get('private')
  signedIn(): string {
    return 'signedIn';
  }

  @Public()
  @ApiCookieAuth(REFRESH_COOKIE_NAME)
  @Post('refresh')
  refresh(): string {
    return 'refresh';
  }
}

// No Swagger decorator at all: the guard still requires the access token.
@Controller('plain')
class PlainController {
  @Post()
  create(): string {
    return 'create';
  }
}

async function documentOf(controllers: Type<unknown>[][]) {
  const modules = controllers.map((list) => {
    @Module({ controllers: list })
    class FeatureModule {}
    return FeatureModule;
  });
  @Module({ imports: modules })
  class RootModule {}
  const app: INestApplication = await NestFactory.create(RootModule, new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix('api');
  try {
    await app.init();
    return createApiDocument(app);
  } finally {
    await app.close();
  }
}

describe('createApiDocument', () => {
  it('derives each operation’s security from the guard’s metadata, not from Swagger decorators', async () => {
    const document = await documentOf([[OpenController, MixedController], [PlainController]]);
    const security = (path: string, method: 'get' | 'post') => document.paths[path][method]?.security;

    expect(security('/api/open', 'get')).toBeUndefined();
    expect(security('/api/mixed/public', 'get')).toBeUndefined();
    expect(security('/api/mixed/private', 'get')).toEqual([{ bearer: [] }]);
    expect(security('/api/mixed/refresh', 'post')).toEqual([{ [REFRESH_COOKIE_NAME]: [] }]);
    expect(security('/api/plain', 'post')).toEqual([{ bearer: [] }]);
  });

  it('defines exactly the schemes operations name: bearer and the refresh cookie', async () => {
    const document = await documentOf([[OpenController]]);
    expect(document.components?.securitySchemes).toEqual({
      [SECURITY_SCHEMES.bearer]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      [SECURITY_SCHEMES.refreshCookie]: {
        type: 'apiKey',
        in: 'cookie',
        name: REFRESH_COOKIE_NAME,
        description: expect.any(String),
      },
    });
  });

  it('refuses to guess when two controllers share a class name', async () => {
    const twin = (path: string) => {
      @Controller(path)
      class Twin {
        @Get()
        read(): string {
          return 'read';
        }
      }
      return Twin;
    };
    await expect(documentOf([[twin('a')], [twin('b')]])).rejects.toThrow(/controller class names must be unique/);
  });
});
