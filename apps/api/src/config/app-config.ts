import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSHOP_MESSAGE_RATE_LIMIT_DEFAULT } from '@twinning/contracts';
import { parseCredentialKey, readOrCreateCredentialKey } from './credential-key';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Demo mode (every environment but production): demo data seeded, secrets generated under dataDir. */
  demoMode: boolean;
  seedDemo: boolean;
  port: number;
  host: string;
  /** Null means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  embeddedPgPort: number;
  redisUrl: string | null;
  jwtSecret: string;
  /**
   * CREDENTIAL_SIGNING_KEY: the RSA private key (PKCS#8 PEM) that signs certificates' credentials (RS256);
   * generated into DATA_DIR outside production when unset.
   */
  credentialSigningKey: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  /**
   * MEETING_EMBED_ORIGINS: https origins (e.g. a city's own Jitsi) whose meetings open embedded
   * beside the room's chat; the content security policy's frame-src allows exactly these.
   */
  meetingEmbedOrigins: string[];
  /** Where people open the web client (links in calendar files and feeds): PUBLIC_URL, else the first CORS origin. */
  publicUrl: string;
  dataDir: string;
  /** Where the built web client lives; null when it is not built. */
  webDistDir: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /**
   * How many rooms' message batches one instance writes to PostgreSQL at the same time (and the
   * size of the pool that writes them). Sends to other rooms wait and join bigger batches.
   */
  workshopWriteConcurrency: number;
  /**
   * How many full-text searches one instance runs at the same time; more wait in line in the
   * process, so searches never hold more than this many of the database pool's connections.
   */
  searchConcurrency: number;
  /**
   * Whether this instance schedules and works the job that moves search's first-pass window (off
   * by default under NODE_ENV=test, where tests move it by hand).
   */
  searchWindowSchedule: boolean;
  /** Whether this instance schedules and works the job that moves training requests to delivered and evaluated. */
  trainingLifecycleSchedule: boolean;
  mail: MailConfig;
  certificates: {
    /** CERTIFICATE_ISSUER_NAME: who issues certificates, as the PDF, the page and the credential name them. */
    issuerName: string;
    /** VERIFY_RATE_LIMIT_PER_IP: public verifications per client address and minute. */
    verifyPerIpPerMinute: number;
  };
  /** The PostgreSQL job queue (pg-boss): how often an idle worker looks for new jobs. */
  jobs: { pollingIntervalSeconds: number };
  /** Whether this instance schedules and works the digest tick (off by default under NODE_ENV=test). */
  digests: { schedule: boolean };
  rateLimits: {
    authPerIpPoints: number;
    authPerAccountPoints: number;
    authWindowSeconds: number;
    /** Per participant and workshop: at most `workshopMessages` messages every `workshopWindowSeconds`. */
    workshopMessages: number;
    workshopWindowSeconds: number;
  };
}

/**
 * How mail leaves: `smtp` sends through SMTP_URL; `capture` (outside production without SMTP_URL)
 * keeps every mail in PostgreSQL for the Outbox page; `disabled` (MAIL_DISABLED=true) drops it.
 */
export type MailMode = 'smtp' | 'capture' | 'disabled';

export interface MailConfig {
  mode: MailMode;
  smtpUrl: string | null;
  /** The From address, e.g. `Twinning <no-reply@twinning.example.org>`. */
  from: string;
  /** The bare address inside `from` (ORGANIZER of calendar invitations, Message-ID domain). */
  fromAddress: string;
  /** DKIM signing, when MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY are all set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  /** The first retry's delay after a temporary SMTP failure (then doubling, up to 15 minutes). */
  retryDelaySeconds: number;
  /** How long an immediate notification mail waits (dropped if read meanwhile, collapsed per thread). */
  immediateDelaySeconds: number;
  /** Reply-by-email addresses are `reply+<token>@<replyToDomain>`; null turns reply by email off. */
  replyToDomain: string | null;
  /** The built-in inbound SMTP listener's port; null: off. */
  inboundSmtpPort: number | null;
  inboundMaxBytes: number;
  /** Shared secret of the inbound webhook; null: the webhook answers 404. */
  inboundWebhookSecret: string | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Thrown at boot when the environment is invalid; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** A decimal number of seconds, e.g. "0.5". */
function secondsVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(name, `must be a number of seconds, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** "messages/seconds", e.g. "10/5". */
function rateVar(env: Env, name: string, fallback: { messages: number; seconds: number }) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  if (!match) throw new ConfigError(name, `must look like "10/5" (messages/seconds), got "${raw}"`);
  const messages = Number(match[1]);
  const seconds = Number(match[2]);
  if (messages < 1 || messages > 10_000_000) throw new ConfigError(name, `messages must be between 1 and 10000000`);
  if (seconds < 1 || seconds > 3600) throw new ConfigError(name, `seconds must be between 1 and 3600`);
  return { messages, seconds };
}

function urlVar(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Comma-separated https origins (scheme://host[:port], no path); empty: none. */
function httpsOriginsVar(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const origins: string[] = [];
  for (const item of raw.split(',').map((o) => o.trim())) {
    if (!item) continue;
    let parsed: URL;
    try {
      parsed = new URL(item);
    } catch {
      throw new ConfigError(name, `contains "${item}", which is not an origin like https://meet.example.org`);
    }
    if (parsed.protocol !== 'https:') throw new ConfigError(name, `contains "${item}": only https origins are allowed`);
    if (parsed.origin !== item.replace(/\/$/, '')) {
      throw new ConfigError(name, `contains "${item}": give https://host[:port] only, without a path`);
    }
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  return origins;
}

/** The address inside `Name <address>` or a bare address; null when it is neither. */
export function mailboxAddress(raw: string): string | null {
  const match = /^\s*(?:[^<>]*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(raw);
  return (match?.[1] ?? match?.[2])?.toLowerCase() ?? null;
}

function mailConfig(env: Env, production: boolean): MailConfig {
  const smtpUrl = urlVar(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const disabled = boolVar(env, 'MAIL_DISABLED', false);
  if (production && !smtpUrl && !disabled) {
    throw new ConfigError(
      'SMTP_URL',
      'is required when NODE_ENV=production (or set MAIL_DISABLED=true to send no mail at all)',
    );
  }
  const from = env.MAIL_FROM?.trim() || 'Twinning <no-reply@twinning.localhost>';
  const fromAddress = mailboxAddress(from);
  if (!fromAddress) throw new ConfigError('MAIL_FROM', `must be an address or "Name <address>", got "${from}"`);
  const [dkimDomain, dkimSelector, dkimKey] = [
    env.MAIL_DKIM_DOMAIN?.trim() ?? '',
    env.MAIL_DKIM_SELECTOR?.trim() ?? '',
    env.MAIL_DKIM_PRIVATE_KEY?.trim() ?? '',
  ];
  const dkimSet = [dkimDomain, dkimSelector, dkimKey].filter(Boolean).length;
  if (dkimSet !== 0 && dkimSet !== 3) {
    throw new ConfigError(
      'MAIL_DKIM_PRIVATE_KEY',
      'DKIM needs MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY',
    );
  }
  let privateKey = dkimKey;
  if (privateKey && !privateKey.includes('BEGIN')) {
    if (!existsSync(privateKey)) throw new ConfigError('MAIL_DKIM_PRIVATE_KEY', 'is neither a PEM key nor a file');
    privateKey = readFileSync(privateKey, 'utf8');
  }
  const replyToDomain = env.REPLY_TO_DOMAIN?.trim().toLowerCase() || null;
  if (replyToDomain && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(replyToDomain)) {
    throw new ConfigError('REPLY_TO_DOMAIN', `must be a domain name like reply.twinning.example.org`);
  }
  const inboundSecret = env.INBOUND_WEBHOOK_SECRET?.trim() || null;
  if (inboundSecret && inboundSecret.length < 24) {
    throw new ConfigError('INBOUND_WEBHOOK_SECRET', 'must be at least 24 characters long');
  }
  const inboundPort = env.INBOUND_SMTP_PORT?.trim() ? intVar(env, 'INBOUND_SMTP_PORT', 0, 1, 65535) : null;
  return {
    mode: disabled ? 'disabled' : smtpUrl ? 'smtp' : 'capture',
    smtpUrl: disabled ? null : smtpUrl,
    from,
    fromAddress,
    dkim: dkimSet === 3 ? { domainName: dkimDomain, keySelector: dkimSelector, privateKey } : null,
    retryDelaySeconds: intVar(env, 'MAIL_RETRY_DELAY_SECONDS', 10, 1, 600),
    immediateDelaySeconds: intVar(env, 'MAIL_IMMEDIATE_DELAY_SECONDS', 300, 0, 86_400),
    replyToDomain,
    inboundSmtpPort: inboundPort,
    inboundMaxBytes: intVar(env, 'INBOUND_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    inboundWebhookSecret: inboundSecret,
  };
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** The only place that reads process.env. Validates everything once, at boot. */
export function loadConfig(env: Env = process.env, opts: { webDistDir?: string | null } = {}): AppConfig {
  const rawEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(rawEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${rawEnv}"`);
  }
  const nodeEnv = rawEnv as NodeEnv;
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(env.DATA_DIR || '.data');

  const port = intVar(env, 'PORT', 3000, 1, 65535);
  const host = env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1');

  const databaseUrl = urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL', 'is required when NODE_ENV=production');
  const redisUrl = urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']);

  let jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (jwtSecret) {
    if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  } else if (production) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 random characters)');
  } else {
    jwtSecret = readOrCreateSecret(dataDir);
  }

  let credentialSigningKey: string;
  const rawCredentialKey = env.CREDENTIAL_SIGNING_KEY?.trim();
  if (rawCredentialKey) {
    const parsed = parseCredentialKey(rawCredentialKey);
    if ('problem' in parsed) throw new ConfigError('CREDENTIAL_SIGNING_KEY', parsed.problem);
    credentialSigningKey = parsed.pem;
  } else if (production) {
    throw new ConfigError(
      'CREDENTIAL_SIGNING_KEY',
      'is required when NODE_ENV=production (an RSA private key in PEM, e.g. from `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072`)',
    );
  } else {
    credentialSigningKey = readOrCreateCredentialKey(dataDir);
  }

  const corsRaw = env.CORS_ORIGINS?.trim();
  const corsOrigins = corsRaw
    ? corsRaw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  for (const origin of corsOrigins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `contains "${origin}", which is not an origin like https://twinning.example.org`,
      );
    }
    if (parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('CORS_ORIGINS', `contains "${origin}": give scheme://host[:port] only, without a path`);
    }
  }

  const logLevel = (env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }

  const mail = mailConfig(env, production);

  const workshopRate = rateVar(env, 'WORKSHOP_MESSAGE_RATE_LIMIT', WORKSHOP_MESSAGE_RATE_LIMIT_DEFAULT);

  return {
    nodeEnv,
    demoMode: !production,
    seedDemo: boolVar(env, 'SEED_DEMO', !production),
    port,
    host,
    databaseUrl,
    embeddedPgPort: intVar(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    redisUrl,
    jwtSecret,
    credentialSigningKey,
    accessTokenTtlSeconds: intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: intVar(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    corsOrigins: corsOrigins.map((o) => o.replace(/\/$/, '')),
    meetingEmbedOrigins: httpsOriginsVar(env, 'MEETING_EMBED_ORIGINS'),
    publicUrl: (urlVar(env, 'PUBLIC_URL', ['http:', 'https:']) ?? corsOrigins[0]).replace(/\/+$/, ''),
    dataDir,
    webDistDir: opts.webDistDir ?? null,
    logLevel,
    trustProxy: boolVar(env, 'TRUST_PROXY', false),
    workshopWriteConcurrency: intVar(env, 'WORKSHOP_WRITE_CONCURRENCY', 2, 1, 64),
    searchConcurrency: intVar(env, 'SEARCH_CONCURRENCY', 4, 1, 16),
    searchWindowSchedule: boolVar(env, 'SEARCH_WINDOW_SCHEDULE', nodeEnv !== 'test'),
    trainingLifecycleSchedule: boolVar(env, 'TRAINING_LIFECYCLE_SCHEDULE', nodeEnv !== 'test'),
    mail,
    certificates: {
      issuerName: env.CERTIFICATE_ISSUER_NAME?.trim().slice(0, 200) || 'Twinning',
      verifyPerIpPerMinute: intVar(env, 'VERIFY_RATE_LIMIT_PER_IP', 30, 1, 1_000_000),
    },
    jobs: { pollingIntervalSeconds: secondsVar(env, 'JOBS_POLLING_INTERVAL_SECONDS', 2, 0.5, 60) },
    digests: { schedule: boolVar(env, 'DIGEST_SCHEDULE', nodeEnv !== 'test') },
    rateLimits: {
      authPerIpPoints: intVar(env, 'AUTH_RATE_LIMIT_PER_IP', 20, 1, 1_000_000),
      authPerAccountPoints: intVar(env, 'AUTH_RATE_LIMIT_PER_ACCOUNT', 5, 1, 1_000_000),
      authWindowSeconds: intVar(env, 'AUTH_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      workshopMessages: workshopRate.messages,
      workshopWindowSeconds: workshopRate.seconds,
    },
  };
}
