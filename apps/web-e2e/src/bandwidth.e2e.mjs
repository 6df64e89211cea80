// @ts-check
/**
 * Low bandwidth: the sign-in page and the signed-in home each load at most 150 kB of gzipped
 * JavaScript before the load event (issue 13). For each page, every script the browser fetched is
 * taken from the Resource Timing entries; its gzipped size is computed here from the built file
 * (the server sends it uncompressed), so the figure does not depend on a proxy's compression.
 *
 * Two figures per page: the scripts fetched before the load event (the budget), and all the scripts
 * fetched until the page has rendered its content (and half a second more) (the same budget applies:
 * a lazy route chunk or dictionary fetched just after `load` still counts for a user on a slow line).
 * The measurements are written to apps/web-e2e/artifacts/bandwidth.json.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ACCOUNTS, ARTIFACTS_DIR, baseUrl, logIn, scenario } from './support.mjs';

const BUDGET_BYTES = 150 * 1000;

/** @type {Map<string, number>} */
const gzipCache = new Map();

/** @param {string} url */
async function gzippedSize(url) {
  const cached = gzipCache.get(url);
  if (cached !== undefined) return cached;
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  const size = gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  gzipCache.set(url, size);
  return size;
}

/**
 * The scripts the page fetched, split by whether they ended before the load event started.
 * @param {import('playwright-core').Page} page
 */
async function scriptsOf(page) {
  return page.evaluate(() => {
    const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
    const load = navigation?.loadEventStart ?? 0;
    return /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: entry.name, beforeLoad: load > 0 && entry.responseEnd <= load }));
  });
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function measure(page, name) {
  const scripts = await scriptsOf(page);
  let beforeLoad = 0;
  let total = 0;
  /** @type {{ file: string, gzip: number, beforeLoad: boolean }[]} */
  const files = [];
  for (const script of scripts) {
    const size = await gzippedSize(script.url);
    total += size;
    if (script.beforeLoad) beforeLoad += size;
    files.push({ file: new URL(script.url).pathname, gzip: size, beforeLoad: script.beforeLoad });
  }
  return { name, beforeLoad, total, files: files.sort((a, b) => b.gzip - a.gzip) };
}

/** @param {Awaited<ReturnType<typeof measure>>[]} results */
function record(results) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(path.join(ARTIFACTS_DIR, 'bandwidth.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const r of results) {
    process.stdout.write(
      `[bandwidth] ${r.name}: ${(r.beforeLoad / 1000).toFixed(1)} kB gzipped JS before load, ` +
        `${(r.total / 1000).toFixed(1)} kB once rendered (${r.files.length} files)\n`,
    );
  }
}

/** @param {Awaited<ReturnType<typeof measure>>} result */
function assertBudget(result) {
  const list = result.files.map(
    (f) => `  ${f.file} ${(f.gzip / 1000).toFixed(1)} kB${f.beforeLoad ? '' : ' (after load)'}`,
  );
  assert.ok(result.beforeLoad > 0, `${result.name}: no script counted before the load event`);
  assert.ok(
    result.beforeLoad <= BUDGET_BYTES,
    `${result.name} loads ${result.beforeLoad} bytes of gzipped JavaScript before the load event (budget ${BUDGET_BYTES}):\n${list.join('\n')}`,
  );
  assert.ok(
    result.total <= BUDGET_BYTES,
    `${result.name} loads ${result.total} bytes of gzipped JavaScript until it has rendered (budget ${BUDGET_BYTES}):\n${list.join('\n')}`,
  );
}

scenario('the sign-in page and the home each load at most 150 kB of gzipped JavaScript', async ({ newPage }) => {
  const results = [];

  // A first visit to the sign-in page, in Arabic (the largest dictionary): nothing cached.
  const anonymous = await newPage({ locale: 'ar' });
  await anonymous.goto(`${baseUrl()}/login`, { waitUntil: 'load' });
  await anonymous.getByRole('main').getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
  await anonymous.waitForTimeout(500);
  results.push(await measure(anonymous, '/login (ar)'));

  // The signed-in home, opened afresh (a new tab after signing in, as every morning).
  const page = await newPage();
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  const home = await page.context().newPage();
  await home.goto(`${baseUrl()}/`, { waitUntil: 'load' });
  await home.getByRole('region', { name: 'Waiting for you' }).waitFor();
  await home.waitForTimeout(500);
  results.push(await measure(home, '/ (signed in, en)'));

  // The anonymous landing page.
  const landing = await newPage();
  await landing.goto(`${baseUrl()}/`, { waitUntil: 'load' });
  await landing.getByRole('region', { name: 'Cities taking part' }).waitFor();
  await landing.waitForTimeout(500);
  results.push(await measure(landing, '/ (anonymous, en)'));

  record(results);
  for (const result of results) assertBudget(result);
});
