#!/usr/bin/env node
// @ts-check
/**
 * Compares two builds of the web client, page by page, to prove that a change to the styles (or to how
 * they are split and loaded) changes nothing on screen.
 *
 *   node tools/scripts/compare-styles.mjs --url http://127.0.0.1:3000 --before /tmp/web-before [--after dist/apps/web]
 *
 * `--url` is a running app with the demo data (`PORT=… DATA_DIR=… node dist/apps/api/main.js`, started with a
 * high AUTH_RATE_LIMIT_PER_IP / AUTH_RATE_LIMIT_PER_ACCOUNT since this signs in many times); its API and
 * data serve both sides. `--before` and `--after` are two web builds (the `dist/apps/web` folder of each):
 * the browser gets every non-API file from that folder instead of from the app, so both sides see the same
 * data at the same moment and differ only in their assets.
 *
 * Checks, for every page × viewport × language (and a few open states: dialogs, menus, tabs):
 * - rules: the declarations of all the CSS files of each build, normalised by the browser (shorthands
 *   expanded, selector lists split, minifier merges undone), are the same multiset;
 * - computed styles of every element and of its ::before, ::after, ::marker, ::placeholder and ::backdrop;
 *   in two modes: `reload` (each page loaded on its own: only its chunks' CSS is present, which catches a
 *   missing import) and `tour` (every page visited in the app first, then each again by in-app navigation:
 *   all CSS is present, in the order a visitor would load it, which catches order conflicts between sheets);
 * - screenshots (reload mode), pixel by pixel; differing pairs are saved with a diff image.
 * Differences in an element whose own text differs between the two sides (relative dates, clocks) are
 * listed apart as "text changed". Exit code 1 when a style, rule or pixel differs.
 *
 * Options: --out <dir> (default tmp/compare-styles), --pages thread,visit (names, see PAGES), --languages
 * en,ar, --viewports 1280x800,390x844, --modes reload,tour, --no-screenshots, --keep-screenshots (save every
 * pair, not only differing ones), --no-rules, --chromium <path>.
 * Needs only playwright-core and Debian's Chromium.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    before: { type: 'string' },
    after: { type: 'string', default: path.join(root, 'dist', 'apps', 'web') },
    out: { type: 'string', default: path.join(root, 'tmp', 'compare-styles') },
    pages: { type: 'string' },
    languages: { type: 'string', default: 'en,ar' },
    viewports: { type: 'string', default: '1280x800,390x844' },
    modes: { type: 'string', default: 'reload,tour' },
    'no-screenshots': { type: 'boolean', default: false },
    'keep-screenshots': { type: 'boolean', default: false },
    'no-rules': { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium' },
    password: { type: 'string', default: 'twinning-demo-2026' },
  },
});
if (!opts.url || !opts.before) {
  console.error('Usage: compare-styles.mjs --url <running app> --before <web dist> [--after <web dist>] [options]');
  process.exit(2);
}
const baseUrl = opts.url.replace(/\/+$/, '');
const sides = /** @type {const} */ (['before', 'after']);
const dists = { before: path.resolve(opts.before), after: path.resolve(opts.after) };
for (const dir of Object.values(dists)) {
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} is not a web build (no index.html)`);
}
const languages = opts.languages.split(',');
const viewports = opts.viewports.split(',').map((v) => {
  const [width, height] = v.split('x').map(Number);
  return { name: v, width, height };
});
const modes = opts.modes.split(',');
const screenshots = !opts['no-screenshots'];
mkdirSync(opts.out, { recursive: true });

/** Demo accounts (README.md); `anon` is signed out. */
const ACCOUNTS = {
  anon: null,
  coordinator: 'coordinator.toronto@twinning.demo',
  admin: 'admin@twinning.demo',
  facilitator: 'facilitator@twinning.demo',
};

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {{ name: string, account: keyof typeof ACCOUNTS, path: string | ((find: Finder) => Promise<string>),
 *   state?: (page: Page) => Promise<boolean> }} PageSpec
 * @typedef {(listPath: string, pattern: RegExp, suffix?: string) => Promise<string>} Finder
 */

/** Clicks the first element matching `selector`; false when there is none. */
async function click(page, selector) {
  const target = page.locator(selector).first();
  if ((await target.count()) === 0) return false;
  await target.click();
  return true;
}

/** Clicks `selector`, then waits for an open dialog. */
async function openDialog(page, selector) {
  if (!(await click(page, selector))) return false;
  await page.locator('dialog[open]').waitFor({ timeout: 5_000 });
  return true;
}

const uuid = '[0-9a-f-]{36}';
/** @param {Finder} find */
const threadPath = async (find) =>
  find(await find('/forums', new RegExp(`^/forums/${uuid}$`)), new RegExp(`^/threads/${uuid}$`));
/** @type {PageSpec[]} */
const PAGES = [
  { name: 'home', account: 'anon', path: '/' },
  { name: 'login', account: 'anon', path: '/login' },
  { name: 'register', account: 'anon', path: '/register' },
  { name: 'not-found', account: 'anon', path: '/no-such-page' },
  { name: 'directory', account: 'coordinator', path: '/cities' },
  { name: 'city', account: 'coordinator', path: (find) => find('/cities', /^\/cities\/[a-z0-9-]+$/) },
  {
    name: 'city-edit',
    account: 'coordinator',
    path: (find) => find('/profile', /^\/cities\/[a-z0-9-]+$/, '/edit'),
  },
  { name: 'partnerships', account: 'coordinator', path: '/partnerships' },
  {
    name: 'partnerships+bell',
    account: 'coordinator',
    path: '/partnerships',
    state: (page) => click(page, '.notification-bell__button'),
  },
  {
    name: 'partnership',
    account: 'coordinator',
    path: (find) => find('/partnerships', new RegExp(`^/partnerships/${uuid}$`)),
  },
  { name: 'partnership-new', account: 'coordinator', path: '/partnerships/new' },
  { name: 'suggestions', account: 'coordinator', path: '/partnerships/suggestions' },
  { name: 'forums', account: 'coordinator', path: '/forums' },
  { name: 'forum', account: 'coordinator', path: (find) => find('/forums', new RegExp(`^/forums/${uuid}$`)) },
  {
    name: 'forum+new-thread',
    account: 'coordinator',
    path: (find) => find('/forums', new RegExp(`^/forums/${uuid}$`)),
    state: (page) => click(page, '.forum-disclosure__summary'),
  },
  { name: 'thread', account: 'coordinator', path: threadPath },
  {
    name: 'thread+dialog',
    account: 'coordinator',
    path: threadPath,
    state: (page) => openDialog(page, '.post__actions button:last-child'),
  },
  {
    name: 'thread+preview',
    account: 'coordinator',
    path: threadPath,
    state: async (page) => {
      const editor = page.locator('.md-editor textarea').first();
      if ((await editor.count()) === 0) return false;
      await editor.fill('Preview with **bold**, a list:\n\n- one\n- two\n\n> a quote\n\n    code');
      return click(page, ".md-editor__tab[aria-selected='false']");
    },
  },
  { name: 'search', account: 'coordinator', path: '/search?q=integration' },
  { name: 'notifications', account: 'coordinator', path: '/notifications' },
  { name: 'join-requests', account: 'coordinator', path: '/join-requests' },
  { name: 'workshops', account: 'coordinator', path: '/workshops' },
  { name: 'workshops-live', account: 'coordinator', path: '/workshops?when=live' },
  { name: 'workshop', account: 'coordinator', path: (find) => find('/workshops', new RegExp(`^/workshops/${uuid}$`)) },
  { name: 'visits', account: 'coordinator', path: '/visits' },
  { name: 'visits-past', account: 'coordinator', path: '/visits?when=past' },
  { name: 'visits-month', account: 'coordinator', path: '/visits?view=month' },
  { name: 'visit', account: 'coordinator', path: (find) => find('/visits', new RegExp(`^/visits/${uuid}$`)) },
  {
    name: 'visit+dialog',
    account: 'coordinator',
    path: (find) => find('/visits', new RegExp(`^/visits/${uuid}$`)),
    state: (page) => openDialog(page, 'main button.button--danger'),
  },
  { name: 'visit-new', account: 'coordinator', path: '/visits/new' },
  { name: 'profile', account: 'coordinator', path: '/profile' },
  { name: 'moderation', account: 'admin', path: '/moderation' },
  { name: 'moderation-audit', account: 'admin', path: '/moderation/audit' },
  { name: 'admin', account: 'admin', path: '/admin' },
  { name: 'workshop-new', account: 'admin', path: '/workshops/new' },
  {
    name: 'workshop-live',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}$`)),
  },
  {
    name: 'workshop-live+dialog',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}$`)),
    state: (page) => openDialog(page, 'main .button--danger'),
  },
  {
    name: 'workshop-edit',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}$`), '/edit'),
  },
  {
    name: 'room',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}/room$`)),
  },
  {
    name: 'room+menu',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}/room$`)),
    state: (page) => click(page, '.room-message__toggle'),
  },
  {
    name: 'room+dialog',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}/room$`)),
    state: async (page) =>
      (await click(page, '.room-message__toggle')) &&
      openDialog(page, '.room-message__menu:not([hidden]) .button--danger'),
  },
  {
    name: 'room+qa',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}/room$`)),
    state: (page) => click(page, '.room-side__tab:nth-child(2)'),
  },
  {
    name: 'room+moderation',
    account: 'facilitator',
    path: (find) => find('/workshops?when=live', new RegExp(`^/workshops/${uuid}/room$`)),
    state: (page) => click(page, '.room-side__tab:nth-child(3)'),
  },
];

const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves every non-API request of the context from `dist` (the SPA's index.html for routes). */
async function serveBuild(context, dist) {
  await context.route(
    (url) => url.origin === new URL(baseUrl).origin && !/^\/(api|socket\.io)(\/|$)/.test(url.pathname),
    async (route) => {
      const { pathname } = new URL(route.request().url());
      let file = path.join(dist, decodeURIComponent(pathname));
      if (!file.startsWith(dist) || !existsSync(file) || !path.extname(file)) file = path.join(dist, 'index.html');
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      await route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
    },
  );
}

/** Requests in flight per page (socket.io's long polls aside), for `settle`. */
const inFlight = new WeakMap();

/** @param {Page} page */
function trackRequests(page) {
  const pending = new Set();
  inFlight.set(page, pending);
  const done = (request) => pending.delete(request);
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/socket.io')) pending.add(request);
  });
  page.on('response', (response) => done(response.request()));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  // A new document: requests of the previous one no longer matter (some never report their end).
  page.on('domcontentloaded', () => pending.clear());
}

/**
 * Waits until the page has no request in flight, its stylesheets and fonts are loaded, it shows no loading
 * state and its DOM has been still for a while.
 * @param {Page} page
 */
async function settle(page) {
  await page.waitForLoadState('load');
  const pending = inFlight.get(page) ?? new Set();
  const deadline = Date.now() + 20_000;
  for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
    const still = await page.evaluate(async () => {
      await document.fonts.ready;
      let changed = false;
      const observer = new MutationObserver(() => (changed = true));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      observer.disconnect();
      const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].every(
        (link) => /** @type {any} */ (link).sheet,
      );
      return !changed && sheets && !document.querySelector('.loading, [aria-busy="true"]');
    });
    quiet = still && pending.size === 0 ? quiet + 1 : 0;
  }
  if (Date.now() >= deadline && process.env['COMPARE_STYLES_DEBUG']) {
    report(
      `  settle timed out on ${page.url()}: ${[...pending].map((r) => r.url()).join(', ') || 'DOM still changing'}`,
    );
  }
}

/** Computed styles of every element (and its pseudo-elements), keyed by its position in the DOM. */
function snapshotInPage() {
  const props = [...getComputedStyle(document.documentElement)];
  const custom = new Set();
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      const style = /** @type {any} */ (rule).style;
      if (style) for (const name of style) if (name.startsWith('--')) custom.add(name);
    }
  }
  props.push(...[...custom].sort());
  /** @type {Record<string, { label: string, text: string, values: string[] }>} */
  const rows = {};
  const keyOf = new Map();
  for (const element of [document.documentElement, ...document.documentElement.querySelectorAll('*')]) {
    if (element.closest('head')) continue;
    const parent = element.parentElement;
    const index = parent ? [...parent.children].indexOf(element) : 0;
    const key = `${parent ? keyOf.get(parent) + '>' : ''}${element.tagName.toLowerCase()}:${index}`;
    keyOf.set(element, key);
    const label = `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${
      typeof element.className === 'string' && element.className
        ? '.' + element.className.trim().split(/\s+/).join('.')
        : ''
    }`;
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim()
      .slice(0, 120);
    const style = getComputedStyle(element);
    for (const pseudo of ['', '::before', '::after', '::marker', '::placeholder', '::backdrop']) {
      if (pseudo === '::marker' && style.display !== 'list-item') continue;
      if (pseudo === '::placeholder' && !element.matches('input, textarea')) continue;
      if (pseudo === '::backdrop' && !element.matches('dialog[open]')) continue;
      const computed = pseudo ? getComputedStyle(element, pseudo) : style;
      if ((pseudo === '::before' || pseudo === '::after') && computed.content === 'none') continue;
      rows[key + pseudo] = {
        label: label + pseudo,
        text,
        values: props.map((name) => computed.getPropertyValue(name)),
      };
    }
  }
  return { props, rows, url: location.pathname + location.search };
}

/** Full-page screenshots of the two sides, compared pixel by pixel in a blank page of the browser. */
async function comparePixels(scratch, a, b) {
  return scratch.evaluate(
    async ({ a, b }) => {
      const load = async (base64) => createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const width = Math.max(ia.width, ib.width);
      const height = Math.max(ia.height, ib.height);
      const pixels = (image) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, width, height);
      };
      const pa = pixels(ia);
      const pb = pixels(ib);
      const diff = new ImageData(width, height);
      let count = 0;
      for (let i = 0; i < pa.data.length; i += 4) {
        const same =
          pa.data[i] === pb.data[i] &&
          pa.data[i + 1] === pb.data[i + 1] &&
          pa.data[i + 2] === pb.data[i + 2] &&
          pa.data[i + 3] === pb.data[i + 3];
        if (!same) count += 1;
        const grey = (pa.data[i] + pa.data[i + 1] + pa.data[i + 2]) / 12 + 180;
        diff.data.set(same ? [grey, grey, grey, 255] : [255, 0, 0, 255], i);
      }
      let image = null;
      if (count > 0) {
        const canvas = new OffscreenCanvas(width, height);
        /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d')).putImageData(diff, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        image = btoa(binary);
      }
      return { count, sizes: [`${ia.width}x${ia.height}`, `${ib.width}x${ib.height}`], image };
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
}

/** Every declaration of every CSS file of a build, normalised by the browser's CSS parser. */
async function ruleAtoms(scratch, dist) {
  const dir = path.join(dist, 'assets');
  const texts = readdirSync(dir)
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));
  return scratch.evaluate((texts) => {
    const atoms = [];
    const walk = (rules, context) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) {
          const selectors = [];
          let depth = 0;
          let current = '';
          for (const char of rule.selectorText) {
            if (char === '(' || char === '[') depth += 1;
            if (char === ')' || char === ']') depth -= 1;
            if (char === ',' && depth === 0) {
              selectors.push(current.trim());
              current = '';
            } else current += char;
          }
          selectors.push(current.trim());
          // Longhands, except those of a shorthand written with var() (their value is pending until then):
          // those are taken from the declaration as written.
          const declarations = [];
          for (const name of rule.style) {
            const value = rule.style.getPropertyValue(name);
            const priority = rule.style.getPropertyPriority(name);
            if (value !== '') declarations.push(`${name}: ${value}${priority ? ' !' + priority : ''}`);
          }
          for (const declaration of rule.style.cssText.split(/;\s*(?=[a-z-]+:)/)) {
            const [name, ...rest] = declaration.split(':');
            const value = rest.join(':').replace(/;\s*$/, '').trim();
            if (value.includes('var(') && ![...rule.style].includes(name.trim()))
              declarations.push(`${name.trim()}: ${value}`);
          }
          for (const selector of selectors) {
            for (const declaration of declarations) atoms.push(`${context}${selector} { ${declaration} }`);
          }
        } else if (rule instanceof CSSMediaRule) walk(rule.cssRules, `${context}@media ${rule.conditionText} `);
        else if (rule instanceof CSSSupportsRule) walk(rule.cssRules, `${context}@supports ${rule.conditionText} `);
        else if (rule instanceof CSSKeyframesRule) {
          for (const frame of rule.cssRules) {
            for (const name of /** @type {CSSKeyframeRule} */ (frame).style) {
              atoms.push(
                `${context}@keyframes ${rule.name} ${frame.keyText} { ${name}: ${frame.style.getPropertyValue(name)} }`,
              );
            }
          }
        } else atoms.push(`${context}${rule.cssText}`);
      }
    };
    for (const text of texts) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      walk(sheet.cssRules, '');
    }
    return atoms;
  }, texts);
}

function multisetDifference(a, b) {
  const counts = new Map();
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
  const missing = [];
  for (const item of a) {
    const n = counts.get(item) ?? 0;
    if (n === 0) missing.push(item);
    else counts.set(item, n - 1);
  }
  return missing;
}

/** Differences between two snapshots: by element and property, with the ones whose text changed apart. */
function compareSnapshots(before, after) {
  const styles = [];
  const textChanged = [];
  const structure = [];
  for (const key of new Set([...Object.keys(before.rows), ...Object.keys(after.rows)])) {
    const a = before.rows[key];
    const b = after.rows[key];
    if (!a || !b) {
      structure.push(`${key} (${(a ?? b).label}) only ${a ? 'before' : 'after'}`);
      continue;
    }
    const props = [];
    before.props.forEach((name, i) => {
      const j = after.props.indexOf(name);
      const valueAfter = j === -1 ? '(absent)' : b.values[j];
      if (a.values[i] !== valueAfter) props.push(`${name}: ${a.values[i]} → ${valueAfter}`);
    });
    if (props.length === 0) continue;
    (a.text !== b.text ? textChanged : styles).push({ element: a.label, key, props, text: [a.text, b.text] });
  }
  // An element whose text changed moves its container and following siblings: list those apart too.
  return { styles, textChanged, structure };
}

function report(line) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: opts.chromium,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
      // Pages served by the interception count as public: without this, Chromium refuses their
      // WebSocket to the app on the loopback address (ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS).
      '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  const scratch = await (await browser.newContext()).newPage();
  const summary = { rules: null, pages: [] };
  let failed = false;

  if (!opts['no-rules']) {
    const [a, b] = await Promise.all(sides.map((side) => ruleAtoms(scratch, dists[side])));
    const onlyBefore = multisetDifference(a, b);
    const onlyAfter = multisetDifference(b, a);
    summary.rules = { before: a.length, after: b.length, onlyBefore, onlyAfter };
    report(`rules: ${a.length} declarations before, ${b.length} after`);
    for (const [label, list] of [
      ['only before', onlyBefore],
      ['only after ', onlyAfter],
    ]) {
      // One line per rule: its selector and the declarations that the other build does not have.
      const bySelector = new Map();
      for (const atom of list) {
        const [selector, declaration] = atom.split(/ \{ (.*) \}$/);
        bySelector.set(selector, [...(bySelector.get(selector) ?? []), declaration]);
      }
      for (const [selector, declarations] of bySelector)
        report(`  ${label}: ${selector} { ${declarations.join('; ')} }`);
    }
    if (onlyBefore.length || onlyAfter.length) failed = true;
  }

  const selected = opts.pages ? opts.pages.split(',') : null;
  const specs = PAGES.filter(
    (spec) => !selected || selected.some((name) => spec.name === name || spec.name.startsWith(`${name}+`)),
  );
  /** @type {Map<string, string>} */
  const resolved = new Map();

  for (const language of languages) {
    for (const account of /** @type {(keyof typeof ACCOUNTS)[]} */ (Object.keys(ACCOUNTS))) {
      const accountSpecs = specs.filter((spec) => spec.account === account);
      if (accountSpecs.length === 0) continue;
      /** @type {Record<string, Page>} */
      const pages = {};
      for (const side of sides) {
        const context = await browser.newContext({
          baseURL: baseUrl,
          locale: 'en-US',
          timezoneId: 'Europe/Amsterdam',
          viewport: viewports[0],
          reducedMotion: 'reduce',
        });
        context.setDefaultTimeout(20_000);
        await serveBuild(context, dists[side]);
        const page = await context.newPage();
        trackRequests(page);
        page.on('pageerror', (error) => report(`  [${side}] page error on ${page.url()}: ${error.message}`));
        await signIn(page, ACCOUNTS[account], language);
        pages[side] = page;
      }
      /** @type {Finder} */
      const find = async (listPath, pattern, suffix = '') => {
        const cacheKey = `${account} ${listPath} ${pattern} ${suffix}`;
        if (!resolved.has(cacheKey)) {
          const page = pages.before;
          await page.goto(listPath);
          await settle(page);
          const hrefs = await page
            .locator('main a[href]')
            .evaluateAll((links) =>
              links.map((link) => /** @type {HTMLAnchorElement} */ (link).getAttribute('href') ?? ''),
            );
          const href = hrefs.map((h) => h.split(/[?#]/)[0]).find((h) => pattern.test(h));
          if (!href) throw new Error(`no link matching ${pattern} on ${listPath}`);
          resolved.set(cacheKey, href.split('?')[0] + suffix);
        }
        return /** @type {string} */ (resolved.get(cacheKey));
      };
      const paths = [];
      for (const spec of accountSpecs) paths.push(typeof spec.path === 'string' ? spec.path : await spec.path(find));

      for (const mode of modes) {
        if (mode === 'tour') {
          // Visit every page once in the app, so that every chunk's CSS is loaded before the captures.
          for (const side of sides) {
            await pages[side].goto(paths[0]);
            await settle(pages[side]);
            for (const target of paths) await navigateInApp(pages[side], target);
          }
        }
        for (const [index, spec] of accountSpecs.entries()) {
          for (const viewport of viewports) {
            const id = `${spec.name} ${viewport.name} ${language} ${mode}`;
            /** @type {Record<string, any>} */
            const snaps = {};
            /** @type {Record<string, Buffer>} */
            const shots = {};
            let stateMissing = false;
            for (const side of sides) {
              const page = pages[side];
              await page.setViewportSize({ width: viewport.width, height: viewport.height });
              if (mode === 'tour') {
                // Through another page, so that the target mounts afresh (no dialog or menu left open).
                await navigateInApp(page, '/compare-styles-elsewhere');
                await navigateInApp(page, paths[index]);
              } else {
                await page.goto(paths[index]);
                await settle(page);
              }
              if (spec.state) {
                const reached = await spec.state(page).catch((error) => {
                  report(`  [${side}] ${spec.name}: ${error.message.split('\n')[0]}`);
                  return false;
                });
                if (!reached) stateMissing = true;
                await settle(page);
              }
              snaps[side] = await page.evaluate(snapshotInPage);
              if (screenshots && mode === 'reload') shots[side] = await page.screenshot(shotOptions);
            }
            const diff = compareSnapshots(snaps.before, snaps.after);
            let pixels = null;
            const file = `${spec.name}-${viewport.name}-${language}-${mode}`.replace(/[^a-z0-9+.-]/gi, '_');
            if (shots.before) {
              pixels = await comparePixels(scratch, shots.before, shots.after);
              // Chromium's rasteriser now and then antialiases an edge (a dialog's rounded corner over its
              // backdrop) a few pixels differently between two shots of the same page: shoot both again
              // before reporting pixels that the computed styles do not explain.
              for (let retry = 0; retry < 2 && pixels.count > 0 && diff.styles.length === 0; retry += 1) {
                for (const side of sides) shots[side] = await pages[side].screenshot(shotOptions);
                const again = await comparePixels(scratch, shots.before, shots.after);
                report(`    ${pixels.count} pixels differ; shot again: ${again.count}`);
                pixels = again;
              }
              if (pixels.count > 0 || opts['keep-screenshots']) {
                writeFileSync(path.join(opts.out, `${file}.before.png`), shots.before);
                writeFileSync(path.join(opts.out, `${file}.after.png`), shots.after);
                if (pixels.image)
                  writeFileSync(path.join(opts.out, `${file}.diff.png`), Buffer.from(pixels.image, 'base64'));
              }
            }
            const bad = diff.styles.length > 0 || diff.structure.length > 0 || (pixels?.count ?? 0) > 0;
            if (diff.styles.length > 0 || (pixels?.count ?? 0) > 0) failed = true;
            report(
              `${bad ? 'DIFF' : 'same'}  ${id} (${snaps.before.url}): ${Object.keys(snaps.before.rows).length} elements` +
                `${diff.styles.length ? `, ${diff.styles.length} with other styles` : ''}` +
                `${diff.textChanged.length ? `, ${diff.textChanged.length} with other text` : ''}` +
                `${diff.structure.length ? `, ${diff.structure.length} only on one side` : ''}` +
                `${pixels ? `, ${pixels.count} pixels differ` : ''}${stateMissing ? ' (state not reached)' : ''}`,
            );
            for (const item of diff.styles.slice(0, 8))
              report(`    ${item.element}: ${item.props.slice(0, 6).join('; ')}`);
            summary.pages.push({
              id,
              url: snaps.before.url,
              pixels: pixels && { count: pixels.count, sizes: pixels.sizes },
              ...diff,
            });
          }
        }
      }
      await Promise.all(sides.map((side) => pages[side].context().close()));
    }
  }
  writeFileSync(path.join(opts.out, 'report.json'), JSON.stringify(summary, null, 2));
  report(`${failed ? 'Differences found' : 'No difference'}; details in ${path.join(opts.out, 'report.json')}`);
  await browser.close();
  process.exit(failed ? 1 : 0);
}

/** @type {import('playwright-core').PageScreenshotOptions} */
const shotOptions = { fullPage: true, animations: 'disabled', caret: 'hide' };

/** In-app navigation (no reload): the router follows a history entry pushed from outside. */
async function navigateInApp(page, target) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, target);
  await settle(page);
}

/**
 * Signs in through the login form (the interface is in English before that), then picks `language` with
 * the header's picker (saved to the profile when signed in).
 */
async function signIn(page, email, language) {
  await page.goto(email ? '/login' : '/');
  await settle(page);
  if (email) {
    await page.locator('#root main input[type="email"]').fill(email);
    await page.locator('#root main input[type="password"]').fill(opts.password);
    await page.locator('#root main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await settle(page);
  }
  const picker = page.locator('select#language-picker');
  if ((await picker.inputValue()) !== language) {
    const saved = email
      ? page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH')
      : null;
    await picker.selectOption(language);
    if (saved) await saved;
  }
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

await main();
