import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'twinning-config-'));

describe('loadConfig', () => {
  it('defaults to demo mode on 127.0.0.1:3000 with a generated, persisted JWT secret', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      demoMode: true,
      seedDemo: true,
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    });
    const file = path.join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(config.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
  });

  it("writes two rooms' message batches at once unless WORKSHOP_WRITE_CONCURRENCY says otherwise", () => {
    expect(loadConfig({ DATA_DIR: tmp() }).workshopWriteConcurrency).toBe(2);
    expect(loadConfig({ DATA_DIR: tmp(), WORKSHOP_WRITE_CONCURRENCY: '8' }).workshopWriteConcurrency).toBe(8);
  });

  it('follows PORT in the default CORS origins', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '8080' }).corsOrigins).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ]);
  });

  it('links calendar files and feeds to PUBLIC_URL, else the first CORS origin', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: 'https://twinning.example.org/' }).publicUrl).toBe(
      'https://twinning.example.org',
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: 'ftp://twinning.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('requires DATABASE_URL and JWT_SECRET in production and never seeds unless asked', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/twinning' })).toThrow(
      /JWT_SECRET is required/,
    );
    const prod = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/twinning',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(prod).toMatchObject({ demoMode: false, seedDemo: false, host: '0.0.0.0' });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/t',
        JWT_SECRET: 'x'.repeat(40),
        SEED_DEMO: 'true',
      }).seedDemo,
    ).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ CORS_ORIGINS: 'https://ok.example, nope' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example/path' }, 'CORS_ORIGINS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WORKSHOP_WRITE_CONCURRENCY: '0' }, 'WORKSHOP_WRITE_CONCURRENCY'],
    [{ WORKSHOP_WRITE_CONCURRENCY: 'many' }, 'WORKSHOP_WRITE_CONCURRENCY'],
  ])('names the bad variable: %j', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tmp(), ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });
});
