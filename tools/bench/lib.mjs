// Helpers shared by the benchmarks (tools/bench) and the chaos experiments (tools/chaos): ports,
// CPU time read from /proc, a fresh database, and the built API as a child process.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The value at percentile `p` of an ascending list (NaN when empty). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// --- CPU time from /proc ----------------------------------------------------------------------------
/** Clock ticks a second, asked once on first use (a benchmark's worker threads never need it). */
let ticks;
const clkTck = () => {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
};

/** CPU time (user + system, ms) a process has used; 0 once it is gone. */
export function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clkTck(); // utime + stime
  } catch {
    return 0;
  }
}

/** CPU of every PostgreSQL process on the machine (the server and its backends). */
export function postgresCpuMs() {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') sum += procCpuMs(entry);
    } catch {
      /* gone */
    }
  }
  return sum;
}

/** Busy CPU time (ms) of the whole machine, all cores, since boot. */
export function machineCpuMs() {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = v[3] + v[4];
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: ((total - idle) * 1000) / clkTck() };
}

// --- database ---------------------------------------------------------------------------------------
/** The `--database-url` option of parseArgs: DATABASE_URL, else the machine's local PostgreSQL. */
export const databaseUrlOption = {
  type: 'string',
  default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
};

/** `url` with its database name replaced by `name`. */
export function withDatabase(url, name) {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

/** Drops and creates database `name`, connecting through `adminUrl` as it is; answers the new database's URL. */
export async function freshDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

// --- the built API ----------------------------------------------------------------------------------
/**
 * The environment every run of the built API needs (production mode, on 127.0.0.1:`port`, warnings
 * only, its own data folder); the caller adds what its run needs.
 */
let credentialKey = null;
/** A throwaway RSA key for CREDENTIAL_SIGNING_KEY (production mode requires one). */
const throwawayCredentialKey = () =>
  (credentialKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString());

export const apiEnv = ({ port, databaseUrl, jwtSecret, dataDirPrefix }) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  JWT_SECRET: jwtSecret,
  CREDENTIAL_SIGNING_KEY: throwawayCredentialKey(),
  LOG_LEVEL: 'warn',
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), dataDirPrefix)),
});

/** Starts `node mainJs` in the repository's root; `child.output` collects what it prints. */
export function spawnApi(mainJs, env) {
  const child = spawn(process.execPath, [mainJs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = [];
  child.stdout.on('data', (c) => child.output.push(c.toString()));
  child.stderr.on('data', (c) => child.output.push(c.toString()));
  return child;
}

/** Waits until `${base}/api/health` answers OK; throws when the child exits first or `timeoutMs` passes. */
export async function waitUntilHealthy(child, base, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the API did not start:\n${child.output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
