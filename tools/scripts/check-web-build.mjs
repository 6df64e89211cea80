#!/usr/bin/env node
// CI check: the web client that gets served is the production build, however it was built.
// In a temporary clone of this checkout (HEAD, or --ref <commit>), with the Nx cache on and kept inside
// the clone, it builds web with NODE_ENV=development, then with a plain environment (as a later
// `npm start` would, free to replay the cache), and compares dist/apps/web after each with a clean
// production build (cache and dist removed). Every file must be byte-equal; otherwise it prints what
// differs and exits 1.
//   --ref <commit>  check another commit's configuration (e.g. to see the check fail on an old one)
//   --keep          keep the temporary clone and print where it is
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const keep = args.includes('--keep');
const started = Date.now();

function say(message) {
  console.log(`[web-build-check] ${message}`);
}

function git(cwd, ...gitArgs) {
  const result = spawnSync('git', gitArgs, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${gitArgs.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

const commit = git(root, 'rev-parse', '--verify', `${option('--ref') ?? 'HEAD'}^{commit}`);
const work = mkdtempSync(path.join(os.tmpdir(), 'twinning-web-build-check-'));
const clone = path.join(work, 'repo');
const dist = path.join(clone, 'dist', 'apps', 'web');
const nxCache = path.join(clone, '.nx', 'cache');

/** Runs `nx run web:build` in the clone; returns whether Nx replayed it from its cache. */
function build(label, env) {
  const t0 = Date.now();
  const result = spawnSync(
    path.join(clone, 'node_modules', '.bin', 'nx'),
    ['run', 'web:build', '--output-style=stream'],
    {
      cwd: clone,
      env,
      encoding: 'utf8',
    },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  writeFileSync(path.join(work, `${label.replace(/\W+/g, '-')}.log`), output);
  if (result.status !== 0) {
    console.error(output);
    throw new Error(`the ${label} failed`);
  }
  const cached = /\[(local|remote) cache\]|existing outputs match the cache/.test(output);
  say(`${label}: ${cached ? 'replayed from the Nx cache' : 'built'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return cached;
}

/** Relative path → { size, sha256 } of every file under dir; `development` when React's JSX dev runtime is in. */
function snapshot(dir) {
  const files = new Map();
  let development = false;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    files.set(path.relative(dir, file), {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    if (file.endsWith('.js') && bytes.includes('jsxDEV')) development = true;
  }
  return { files, development };
}

function describe({ files, development }) {
  let bytes = 0;
  for (const { size } of files.values()) bytes += size;
  const mode = development ? ", React's development runtime (jsxDEV) inside" : '';
  return `${files.size} files, ${(bytes / 1024).toFixed(1)} kB${mode}`;
}

const MAX_LINES = 25;

/** Lists how `actual` differs from `expected`; empty when they are byte-equal. */
function differences(actual, expected) {
  const lines = [];
  for (const [file, want] of expected) {
    const got = actual.get(file);
    if (!got) lines.push(`  missing   ${file} (${want.size} bytes in the clean build)`);
    else if (got.sha256 !== want.sha256)
      lines.push(`  differs   ${file} (${got.size} bytes, clean build ${want.size})`);
  }
  for (const [file, got] of actual) {
    if (!expected.has(file)) lines.push(`  extra     ${file} (${got.size} bytes, not in the clean build)`);
  }
  lines.sort();
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `  … and ${lines.length - MAX_LINES} more`] : lines;
}

let failed = false;
try {
  say(`commit ${commit.slice(0, 12)}, temporary clone in ${clone}`);
  git(root, 'clone', '--quiet', '--no-checkout', root, clone);
  git(clone, 'checkout', '--quiet', '--detach', commit);
  // The installed packages of this checkout serve the clone (`npm ci` would add minutes to CI).
  symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');

  // The Nx cache is on for this check (CI turns it off globally) and lives inside the clone, never in
  // the user's shared cache, so earlier builds on this machine cannot answer for this commit.
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  delete env.NX_SKIP_NX_CACHE;
  delete env.NX_DISABLE_NX_CACHE;
  delete env.NODE_ENV;
  env.NX_CACHE_DIRECTORY = nxCache;
  env.NX_WORKSPACE_DATA_DIRECTORY = path.join(clone, '.nx', 'workspace-data');

  build('build with NODE_ENV=development', { ...env, NODE_ENV: 'development' });
  const afterDevelopment = snapshot(dist);
  build('plain build after it', env);
  const afterPlain = snapshot(dist);

  rmSync(nxCache, { recursive: true, force: true });
  rmSync(path.join(clone, 'dist'), { recursive: true, force: true });
  build('clean production build (no cache, no dist)', { ...env, NX_SKIP_NX_CACHE: 'true' });
  const clean = snapshot(dist);
  say(`clean production build: ${describe(clean)}`);

  for (const [label, files] of [
    ['after the NODE_ENV=development build', afterDevelopment],
    ['after the plain build that followed', afterPlain],
  ]) {
    const diff = differences(files.files, clean.files);
    if (diff.length === 0) {
      say(`dist/apps/web ${label}: byte-equal to the clean production build`);
    } else {
      failed = true;
      say(`dist/apps/web ${label} (${describe(files)}) is NOT the clean production build:`);
      console.log(diff.join('\n'));
    }
  }
} catch (err) {
  failed = true;
  console.error(`[web-build-check] ${err.message}`);
} finally {
  if (keep) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

say(`${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
