#!/usr/bin/env node
// @ts-check
/**
 * Runs the browser tests (apps/web-e2e/src/*.e2e.mjs) with Node's test runner, one file at a time.
 *
 * - With E2E_BASE_URL set, the tests run against that server (CI starts the built app itself).
 * - Otherwise this starts the built app (dist/apps/api/main.js, which serves dist/apps/web) on a free port
 *   with a fresh data folder, so an embedded PostgreSQL with the demo data; waits for GET /api/ready;
 *   runs the tests; then stops the app (SIGTERM) and removes the data folder.
 *
 * Arguments, if any, select test files by part of their name: `node apps/web-e2e/run.mjs keyboard`.
 * Exits with the test runner's exit code. Screenshots of failing pages and the app's log go to
 * apps/web-e2e/artifacts/.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(e2eDir, '..', '..');
const artifactsDir = path.join(e2eDir, 'artifacts');
const apiMain = path.join(workspaceRoot, 'dist', 'apps', 'api', 'main.js');
const webIndex = path.join(workspaceRoot, 'dist', 'apps', 'web', 'index.html');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** @param {string} message */
function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

/** Two distinct free TCP ports on 127.0.0.1 (both are held open while choosing, so they differ). */
async function freePorts(count = 2) {
  /** @type {net.Server[]} */
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      servers.push(server);
    }
    return servers.map((server) => /** @type {net.AddressInfo} */ (server.address()).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 */
async function waitForReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * SIGTERM, then waits for the exit (SIGKILL after STOP_TIMEOUT_MS).
 * @param {import('node:child_process').ChildProcess} child
 */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`The app did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * The embedded PostgreSQL is a child of the app and removes its postmaster.pid when it stops cleanly. If
 * the file is still there once the app has exited (the app crashed or was killed), stop PostgreSQL too.
 * @param {string} dataDir
 */
async function stopOrphanedPostgres(dataDir) {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  /** @param {NodeJS.Signals | 0} signal */
  const signalPostgres = (signal) => {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  if (!signalPostgres('SIGINT')) return;
  log(`Stopping the embedded PostgreSQL left running (pid ${pid}).`);
  for (let i = 0; i < 100 && signalPostgres(0); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The `node --test` process, while it runs. */
/** @type {import('node:child_process').ChildProcess | null} */
let testRunner = null;

/**
 * Runs the test files (those whose name contains one of `filters`, if any are given).
 * @param {string} baseUrl
 * @param {string[]} filters
 */
async function runTests(baseUrl, filters) {
  const srcDir = path.join(e2eDir, 'src');
  const files = readdirSync(srcDir)
    .filter((name) => name.endsWith('.e2e.mjs'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort()
    .map((name) => path.relative(workspaceRoot, path.join(srcDir, name)));
  if (files.length === 0) throw new Error(`no test file matches ${filters.join(', ')}`);
  log(`Testing ${baseUrl} with ${files.length} file(s).`);
  const child = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', ...files],
    { cwd: workspaceRoot, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseUrl } },
  );
  testRunner = child;
  /** @type {[number | null, NodeJS.Signals | null]} */
  const [code, signal] = /** @type {any} */ (await once(child, 'exit'));
  testRunner = null;
  return code ?? (signal ? 1 : 0);
}

async function main() {
  const started = Date.now();
  const filters = process.argv.slice(2);
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });

  const external = process.env['E2E_BASE_URL']?.trim();
  if (external) return runTests(external.replace(/\/+$/, ''), filters);

  const missing = [apiMain, webIndex].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    process.stderr.write(
      `[e2e] The app is not built (missing ${missing.map((f) => path.relative(workspaceRoot, f)).join(', ')}).\n` +
        '[e2e] Run `npm run build` first, or set E2E_BASE_URL to test a running server.\n',
    );
    return 1;
  }

  const [port, pgPort] = await freePorts(2);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinning-e2e-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  const baseUrl = `http://127.0.0.1:${port}`;
  // PUBLIC_URL: the links in mail (read in the development Outbox) lead back to this server.
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PUBLIC_URL: baseUrl,
    // Meetings on this origin open embedded in the room (workshop-meeting.e2e.mjs checks the CSP's frame-src).
    MEETING_EMBED_ORIGINS: 'https://meet.twinning.test',
  };
  delete env['DATABASE_URL'];

  const logFile = path.join(artifactsDir, 'app.log');
  const appLog = createWriteStream(logFile);
  log(`Starting the app on ${baseUrl} (embedded PostgreSQL on port ${pgPort}, data in ${dataDir}).`);
  const app = spawn(process.execPath, [apiMain], { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout?.pipe(appLog, { end: false });
  app.stderr?.pipe(appLog, { end: false });

  /** Stops the tests (if interrupted) and the app, then removes the data folder; once. */
  /** @type {Promise<void> | null} */
  let cleaning = null;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      testRunner?.kill('SIGTERM');
      await stop(app);
      await stopOrphanedPostgres(dataDir);
      await new Promise((resolve) => appLog.end(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    })());

  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    log(`${signal}: stopping.`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let exitCode = 1;
  try {
    try {
      await waitForReady(`${baseUrl}/api/ready`, app);
    } catch (error) {
      await cleanUp();
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      process.stderr.write(`[e2e] The app did not start: ${/** @type {Error} */ (error).message}\n${tail}\n`);
      return 1;
    }
    log(
      `App ready after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${path.relative(workspaceRoot, logFile)}).`,
    );
    exitCode = await runTests(baseUrl, filters);
  } finally {
    await cleanUp();
    log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[e2e] ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
