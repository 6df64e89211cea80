#!/usr/bin/env node
// `npm start`: builds what is missing or stale (Nx caches unchanged projects), then runs the built
// server — the API under /api, socket.io and the web client at / — on PORT (default 3000).
// Without DATABASE_URL it starts an embedded PostgreSQL under ./.data with demo data.
//   --no-build   run what is already built
//   --seed-only  run migrations and the demo seed, then exit (npm run seed)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const main = path.join(root, 'dist', 'apps', 'api', 'main.js');

if (!args.includes('--no-build')) {
  console.log('[twinning] Building (cached projects are reused)…');
  const nx = path.join(root, 'node_modules', '.bin', 'nx');
  const build = spawnSync(nx, ['run-many', '-t', 'build', '--projects=contracts,api,web', '--output-style=stream'], {
    cwd: root,
    stdio: 'inherit',
    env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env },
  });
  if (build.status !== 0) {
    console.error('[twinning] The build failed; see above.');
    process.exit(build.status ?? 1);
  }
} else if (!existsSync(main)) {
  console.error('[twinning] Nothing is built yet: run `npm start` (or `npm run build`) first.');
  process.exit(1);
}

const child = spawn(process.execPath, [main, ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
// Ctrl-C reaches the server directly (same process group); it drains and stops by itself.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
