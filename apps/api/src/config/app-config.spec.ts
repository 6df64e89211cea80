import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'twinning-config-'));
let key: string | null = null;
const signingKey = () =>
  (key ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString());

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

  it('generates the credential signing key into DATA_DIR outside production, and production requires one', () => {
    const dataDir = tmp();
    const generated = loadConfig({ DATA_DIR: dataDir }).credentialSigningKey;
    const file = path.join(dataDir, 'credential-signing-key.pem');
    expect(readFileSync(file, 'utf8')).toBe(generated);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).credentialSigningKey).toBe(generated);
    const oneLine = signingKey().trim().replace(/\n/g, '\\n');
    expect(loadConfig({ DATA_DIR: tmp(), CREDENTIAL_SIGNING_KEY: oneLine }).credentialSigningKey).toBe(signingKey());
    expect(() => loadConfig({ DATA_DIR: tmp(), CREDENTIAL_SIGNING_KEY: 'nope' })).toThrow(/CREDENTIAL_SIGNING_KEY/);
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/t',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_DISABLED: 'true',
    };
    expect(() => loadConfig(base)).toThrow(/CREDENTIAL_SIGNING_KEY is required when NODE_ENV=production/);
  });

  it("writes two rooms' message batches at once unless WORKSHOP_WRITE_CONCURRENCY says otherwise", () => {
    expect(loadConfig({ DATA_DIR: tmp() }).workshopWriteConcurrency).toBe(2);
    expect(loadConfig({ DATA_DIR: tmp(), WORKSHOP_WRITE_CONCURRENCY: '8' }).workshopWriteConcurrency).toBe(8);
  });

  it('runs four searches at once unless SEARCH_CONCURRENCY says otherwise', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).searchConcurrency).toBe(4);
    expect(loadConfig({ DATA_DIR: tmp(), SEARCH_CONCURRENCY: '2' }).searchConcurrency).toBe(2);
  });

  it('reads MEETING_EMBED_ORIGINS as a list of https origins (none by default)', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).meetingEmbedOrigins).toEqual([]);
    expect(
      loadConfig({
        DATA_DIR: tmp(),
        MEETING_EMBED_ORIGINS: ' https://meet.example.org/, https://jitsi.city.example:8443 ,https://meet.example.org',
      }).meetingEmbedOrigins,
    ).toEqual(['https://meet.example.org', 'https://jitsi.city.example:8443']);
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
      CREDENTIAL_SIGNING_KEY: signingKey(),
      SMTP_URL: 'smtp://mail.example.org:587',
    });
    expect(prod).toMatchObject({ demoMode: false, seedDemo: false, host: '0.0.0.0' });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/t',
        JWT_SECRET: 'x'.repeat(40),
        CREDENTIAL_SIGNING_KEY: signingKey(),
        MAIL_DISABLED: 'true',
        SEED_DEMO: 'true',
      }).seedDemo,
    ).toBe(true);
  });

  it('captures mail outside production without SMTP_URL, and production refuses to start without a way to send', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).mail).toMatchObject({ mode: 'capture', smtpUrl: null });
    expect(loadConfig({ DATA_DIR: tmp(), SMTP_URL: 'smtp://127.0.0.1:2525' }).mail.mode).toBe('smtp');
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/t',
      JWT_SECRET: 'x'.repeat(40),
      CREDENTIAL_SIGNING_KEY: signingKey(),
    };
    expect(() => loadConfig(production)).toThrow(/SMTP_URL is required when NODE_ENV=production/);
    expect(loadConfig({ ...production, MAIL_DISABLED: 'true' }).mail.mode).toBe('disabled');
    expect(loadConfig({ ...production, SMTP_URL: 'smtps://u:p@mail.example.org' }).mail.mode).toBe('smtp');
  });

  it('reads MAIL_FROM, DKIM and the reply and inbound settings', () => {
    const mail = loadConfig({
      DATA_DIR: tmp(),
      MAIL_FROM: 'Twinning Cities <hello@Twinning.example.org>',
      REPLY_TO_DOMAIN: 'reply.twinning.example.org',
      INBOUND_SMTP_PORT: '2526',
      INBOUND_WEBHOOK_SECRET: 's'.repeat(32),
    }).mail;
    expect(mail).toMatchObject({
      from: 'Twinning Cities <hello@Twinning.example.org>',
      fromAddress: 'hello@twinning.example.org',
      replyToDomain: 'reply.twinning.example.org',
      inboundSmtpPort: 2526,
      inboundMaxBytes: 10 * 1024 * 1024,
      immediateDelaySeconds: 300,
      dkim: null,
    });
    expect(loadConfig({ DATA_DIR: tmp() }).mail).toMatchObject({ inboundSmtpPort: null, replyToDomain: null });
    expect(() => loadConfig({ DATA_DIR: tmp(), MAIL_DKIM_DOMAIN: 'example.org' })).toThrow(/MAIL_DKIM/);
  });

  it.each([
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ REPLY_TO_DOMAIN: 'reply+x@example.org' }, 'REPLY_TO_DOMAIN'],
    [{ INBOUND_WEBHOOK_SECRET: 'short' }, 'INBOUND_WEBHOOK_SECRET'],
    [{ MAIL_IMMEDIATE_DELAY_SECONDS: 'soon' }, 'MAIL_IMMEDIATE_DELAY_SECONDS'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ CORS_ORIGINS: 'https://ok.example, nope' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example/path' }, 'CORS_ORIGINS'],
    [{ MEETING_EMBED_ORIGINS: 'http://meet.example.org' }, 'MEETING_EMBED_ORIGINS'],
    [{ MEETING_EMBED_ORIGINS: 'https://meet.example.org/room' }, 'MEETING_EMBED_ORIGINS'],
    [{ MEETING_EMBED_ORIGINS: 'https://meet.example.org, *' }, 'MEETING_EMBED_ORIGINS'],
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
