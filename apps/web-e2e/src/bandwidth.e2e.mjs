// @ts-check
/**
 * Low bandwidth: the sign-in page and the signed-in home each load at most 150 kB of gzipped
 * JavaScript before the load event (issue 13). For each page, every script the browser fetched is
 * taken from the Resource Timing entries; its gzipped size is computed here from the built file
 * (the server sends it uncompressed), so the figure does not depend on a proxy's compression.
 *
 * Three figures per page; the first is held to the budget:
 * - before load: the scripts whose download ended before the load event;
 * - first render: the scripts whose download started before the page first showed its heading (the
 *   `<h1>` in `<main>`), dynamic imports included (the browser does not delay `load` for them). The
 *   bell, the socket code and the rest of the dictionary start right as the page shows, so this
 *   figure depends on timing: it is recorded, not asserted;
 * - total: every script fetched until half a second after the content showed (the second part of the
 *   dictionary, the socket code and the bell come after the first render, on purpose).
 * The measurements are written to apps/web-e2e/artifacts/bandwidth.json.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ACCOUNTS, ARTIFACTS_DIR, baseUrl, scenario } from './support.mjs';
import { logIn } from './support-header.mjs';

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
 * Notes (in the page) the moment the page's heading first appears.
 * @param {import('playwright-core').Page} page
 */
async function watchFirstRender(page) {
  await page.addInitScript(() => {
    /** @type {any} */
    const w = window;
    const observer = new MutationObserver(() => {
      if (w.__firstRender === undefined && document.querySelector('main h1')) {
        w.__firstRender = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

/**
 * The scripts the page fetched: whether each ended before the load event started, and whether it
 * started before the first render.
 * @param {import('playwright-core').Page} page
 */
async function scriptsOf(page) {
  return page.evaluate(() => {
    const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
    const load = navigation?.loadEventStart ?? 0;
    const firstRender = /** @type {any} */ (window).__firstRender ?? Infinity;
    return /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({
        url: entry.name,
        beforeLoad: load > 0 && entry.responseEnd <= load,
        beforeRender: entry.startTime <= firstRender,
      }));
  });
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function measure(page, name) {
  const scripts = await scriptsOf(page);
  let beforeLoad = 0;
  let firstRender = 0;
  let total = 0;
  /** @type {{ file: string, gzip: number, beforeLoad: boolean, beforeRender: boolean }[]} */
  const files = [];
  for (const script of scripts) {
    const size = await gzippedSize(script.url);
    total += size;
    if (script.beforeLoad) beforeLoad += size;
    if (script.beforeRender) firstRender += size;
    files.push({
      file: new URL(script.url).pathname,
      gzip: size,
      beforeLoad: script.beforeLoad,
      beforeRender: script.beforeRender,
    });
  }
  return { name, beforeLoad, firstRender, total, files: files.sort((a, b) => b.gzip - a.gzip) };
}

/** @param {Awaited<ReturnType<typeof measure>>[]} results */
function record(results) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(path.join(ARTIFACTS_DIR, 'bandwidth.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const r of results) {
    process.stdout.write(
      `[bandwidth] ${r.name}: gzipped JS ${(r.beforeLoad / 1000).toFixed(1)} kB before load, ` +
        `${(r.firstRender / 1000).toFixed(1)} kB for the first render, ` +
        `${(r.total / 1000).toFixed(1)} kB in all (${r.files.length} files)\n`,
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
}

scenario('the sign-in page and the home each load at most 150 kB of gzipped JavaScript', async ({ newPage }) => {
  const results = [];

  // A first visit to the sign-in page, in Arabic (the largest dictionary): nothing cached.
  const anonymous = await newPage({ locale: 'ar' });
  await watchFirstRender(anonymous);
  await anonymous.goto(`${baseUrl()}/login`, { waitUntil: 'load' });
  await anonymous.getByRole('main').getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
  await anonymous.waitForTimeout(500);
  results.push(await measure(anonymous, '/login (ar)'));

  // The signed-in home, opened afresh (a new tab after signing in, as every morning).
  const page = await newPage();
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  const home = await page.context().newPage();
  await watchFirstRender(home);
  await home.goto(`${baseUrl()}/`, { waitUntil: 'load' });
  await home.getByRole('region', { name: 'Waiting for you' }).waitFor();
  await home.waitForTimeout(500);
  results.push(await measure(home, '/ (signed in, en)'));

  // The anonymous landing page.
  const landing = await newPage();
  await watchFirstRender(landing);
  await landing.goto(`${baseUrl()}/`, { waitUntil: 'load' });
  await landing.getByRole('region', { name: 'Cities taking part' }).waitFor();
  await landing.waitForTimeout(500);
  results.push(await measure(landing, '/ (anonymous, en)'));

  record(results);
  for (const result of results) assertBudget(result);
});
