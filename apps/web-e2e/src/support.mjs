// @ts-check
/**
 * Shared helpers for the browser tests: one Chromium per test file, a fresh browser context per need,
 * polling assertions, the document's language, axe-core checks, and screenshots of failing pages. Signing
 * in and out, the account menu and the language picker: support-header.mjs.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').BrowserContextOptions} BrowserContextOptions */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('node:test').TestContext} TestContext */
/** @typedef {'en' | 'fr' | 'es' | 'ar'} UiLanguage */

/**
 * @typedef {BrowserContextOptions & { axe?: boolean }} ContextOptions
 * `axe: true` lets `axe()` inject its script: the app's Content-Security-Policy (script-src 'self') would
 * otherwise refuse the inline script tag, so such contexts bypass CSP. Other contexts keep it enforced.
 */

/**
 * @typedef {object} Scenario
 * @property {TestContext} t
 * @property {(options?: ContextOptions) => Promise<BrowserContext>} newContext
 *   A new, isolated browser context (own cookies and storage), closed after the test.
 * @property {(options?: ContextOptions) => Promise<Page>} newPage A page in a new context.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS_DIR = path.resolve(here, '..', 'artifacts');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every demo account has this password (apps/api/src/database/seed/demo-data.ts). */
export const DEMO_PASSWORD = 'twinning-demo-2026';

export const ACCOUNTS = /** @type {const} */ ({
  admin: { email: 'admin@twinning.demo', displayName: 'Amira Haddad' },
  /** Runs the demo workshops (apps/api/src/database/seed/demo-workshops.ts); prefers Spanish. */
  facilitator: { email: 'facilitator@twinning.demo', displayName: 'Lucía Fernández' },
  coordinatorToronto: { email: 'coordinator.toronto@twinning.demo', displayName: 'Daniel Okafor' },
  /** Prefers French. */
  officialToronto: { email: 'official.toronto@twinning.demo', displayName: 'Marie Tremblay' },
  coordinatorPenang: { email: 'coordinator.penang@twinning.demo', displayName: 'Nurul Aziz' },
  coordinatorRotterdam: { email: 'coordinator.rotterdam@twinning.demo', displayName: 'Pieter de Vries' },
  /** Prefers Arabic; Marseille is in no active partnership of the demo data. */
  officialMarseille: { email: 'official.marseille@twinning.demo', displayName: 'Karim Benali' },
  member: { email: 'member@twinning.demo', displayName: 'Sofía Ramírez' },
});

/** Demo cities and partnerships (apps/api/src/database/seed/demo-partnerships.ts). */
export const DEMO = /** @type {const} */ ({
  torontoPenang: 'Toronto – George Town: Newcomers at Work',
  penang: 'George Town (Penang)',
});

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The app under test, e.g. http://127.0.0.1:3000 (set by run.mjs, or by CI). */
export function baseUrl() {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set. Run the suite with: node apps/web-e2e/run.mjs');
  return url.replace(/\/+$/, '');
}

/**
 * Calls the API as a demo user: answers `(method, path, body?)`, which asserts a 2xx answer and parses it.
 * @param {string} email
 */
export async function apiAs(email) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200, `logging in ${email} over the API`);
  const { accessToken } = /** @type {{ accessToken: string }} */ (await login.json());
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A string that differs on every call, for unique e-mail addresses and names. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** @type {Promise<Browser> | null} */
let browserPromise = null;

/** Launches Debian's Chromium (or CHROMIUM_PATH) once per test file. */
export function launchBrowser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}

after(async () => {
  if (browserPromise) await (await browserPromise).close();
});

/**
 * A new browser context pointed at the app, with a locale (English unless told otherwise).
 * @param {ContextOptions} [options]
 */
export async function newContext({ axe = false, ...options } = {}) {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'en-US',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    bypassCSP: axe,
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** @param {string} text */
function slug(text) {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'page'
  );
}

/**
 * Saves a full-page screenshot to apps/web-e2e/artifacts/ and returns its path (null if the page is gone).
 * @param {Page} page
 * @param {string} name
 */
export async function saveScreenshot(page, name) {
  if (page.isClosed()) return null;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${slug(name)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch {
    return null;
  }
}

/**
 * Declares a test that gets fresh browser contexts. When it fails, every page still open is saved as a
 * screenshot; uncaught page errors and CSP violations make it fail; its contexts are always closed.
 * @param {string} name
 * @param {(scenario: Scenario) => Promise<void>} fn
 * @param {{ timeout?: number }} [options]
 */
export function scenario(name, fn, { timeout = 120_000 } = {}) {
  return test(name, { timeout }, async (t) => {
    /** @type {BrowserContext[]} */
    const contexts = [];
    /** @type {string[]} */
    const pageProblems = [];
    /** @param {ContextOptions} [options] */
    const open = async (options) => {
      const context = await newContext(options);
      contexts.push(context);
      const csp = !options?.axe;
      context.on('page', (page) => {
        page.on('pageerror', (error) => pageProblems.push(`Uncaught error on ${page.url()}: ${error.message}`));
        page.on('console', (message) => {
          if (csp && message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
            pageProblems.push(`CSP violation on ${page.url()}: ${message.text()}`);
          }
        });
      });
      return context;
    };
    try {
      await fn({ t, newContext: open, newPage: async (options) => (await open(options)).newPage() });
      assert.deepEqual(pageProblems, [], `The browser reported problems:\n${pageProblems.join('\n')}`);
    } catch (error) {
      let index = 0;
      for (const context of contexts) {
        for (const page of context.pages()) {
          index += 1;
          const file = await saveScreenshot(page, `${name}-${index}`);
          if (file) t.diagnostic(`Screenshot of ${page.url()}: ${path.relative(process.cwd(), file)}`);
        }
      }
      throw error;
    } finally {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    }
  });
}

/**
 * Retries `check` (an assertion) until it passes or `timeout` ms have gone by; then throws its last error.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeout?: number, interval?: number }} [options]
 * @returns {Promise<T>}
 */
export async function eventually(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await sleep(interval);
  }
}

/**
 * `lang` and `dir` of the document element.
 * @param {Page} page
 */
export function documentLanguage(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/**
 * Waits until `<html>` carries the language (and its direction).
 * @param {Page} page
 * @param {UiLanguage} language
 */
export async function expectDocumentLanguage(page, language) {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  await eventually(async () => assert.deepEqual(await documentLanguage(page), { lang: language, dir }));
}

/**
 * @typedef {object} AxeViolation
 * @property {string} id
 * @property {string | null} impact
 * @property {string} help
 * @property {string} helpUrl
 * @property {{ target: unknown[], failureSummary?: string }[]} nodes
 */

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on the page as it is now and fails with a
 * readable list of violations, after saving a screenshot of the page.
 * @param {Page} page
 * @param {{ name?: string }} [options] Names the page in the message and the screenshot.
 */
export async function axe(page, { name } = {}) {
  const label = name ?? new URL(page.url()).pathname;
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  /** @type {AxeViolation[]} */
  const violations = await page.evaluate(async () => {
    /** @type {any} */
    const w = window;
    if (!w.axe) throw new Error('axe-core is not loaded (was the context created with { axe: true }?)');
    const results = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((/** @type {any} */ n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  if (violations.length === 0) return;
  const { lang } = await documentLanguage(page);
  const shot = await saveScreenshot(page, `axe-${label}-${lang}`);
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}`),
  ]);
  assert.fail(
    `axe-core found ${violations.length} violation(s) on ${label} [lang=${lang}] (${page.url()}):\n${lines.join('\n')}` +
      (shot ? `\nScreenshot: ${path.relative(process.cwd(), shot)}` : ''),
  );
}

/**
 * Leaves a mark on the page's current document and returns it: `expectSameDocument` then proves that
 * the page was not reloaded or left (in-app navigation keeps the document, so the mark stays).
 * @param {Page} page
 */
export async function markDocument(page) {
  const mark = `e2e-${uniqueSuffix()}`;
  await page.evaluate((value) => {
    /** @type {any} */ (window).__e2eDocumentMark = value;
  }, mark);
  return mark;
}

/**
 * @param {Page} page
 * @param {string} mark from `markDocument`
 */
export async function expectSameDocument(page, mark) {
  assert.equal(
    await page.evaluate(() => /** @type {any} */ (window).__e2eDocumentMark ?? null),
    mark,
    `${page.url()} was reloaded or left since it was marked`,
  );
}

/**
 * Presses Tab until `target` has keyboard focus, and fails if it takes more than `max` presses: the
 * element can be reached with the keyboard alone, in the page's tab order.
 * @param {Page} page
 * @param {import('playwright-core').Locator} target
 * @param {{ max?: number }} [options]
 */
export async function tabTo(page, target, { max = 40 } = {}) {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${target} was not reached with ${max} presses of Tab`);
}

/**
 * @typedef {object} RealtimeWatch
 * @property {() => Promise<void>} ready Waits until the page's live connection is in its user's room
 *   (the server's `session.ready`), so that notifications sent from now on reach it.
 * @property {(room: 'thread' | 'forum', id: string) => Promise<void>} following Waits until the server
 *   acknowledged the page's subscription to a thread or forum, so that its changes from now on reach it.
 */

/**
 * Watches the socket.io connection (namespace /notifications) of a page. Call it before the page loads
 * the app: it follows the WebSocket frames the page sends and receives. Tests wait on it rather than
 * sleeping before another user acts, since an event sent before the subscription would never arrive.
 * @param {Page} page
 * @returns {RealtimeWatch}
 */
export function watchRealtime(page) {
  /** @typedef {{ ready: boolean, asked: Map<string, string>, following: Set<string> }} SocketState */
  /** @type {SocketState | null} */
  let current = null;
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.startsWith('/socket.io/')) return;
    /** @type {SocketState} */
    const state = { ready: false, asked: new Map(), following: new Set() };
    current = state;
    socket.on('framesent', ({ payload }) => {
      // 42/notifications,7["thread.subscribe",{"threadId":"…"}]: an event with acknowledgement id 7.
      const match = /^42\/notifications,(\d+)\["(thread|forum)\.subscribe",(\{.*\})\]$/.exec(String(payload));
      if (!match) return;
      const body = JSON.parse(match[3] ?? '{}');
      state.asked.set(match[1] ?? '', `${match[2]}:${body.threadId ?? body.forumId}`);
    });
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (text.startsWith('42/notifications,["session.ready"')) state.ready = true;
      // 43/notifications,7[{"ok":true}]: the acknowledgement of event 7.
      const ack = /^43\/notifications,(\d+)\[(.*)\]$/.exec(text);
      const room = ack ? state.asked.get(ack[1] ?? '') : undefined;
      if (ack && room && JSON.parse(ack[2] ?? '{}').ok === true) state.following.add(room);
    });
    socket.on('close', () => {
      if (current === state) current = null;
    });
  });
  return {
    ready: () =>
      eventually(() => assert.ok(current?.ready, `the live connection of ${page.url()} is ready`), { timeout: 15_000 }),
    following: (room, id) =>
      eventually(() => assert.ok(current?.following.has(`${room}:${id}`), `${page.url()} follows ${room} ${id} live`), {
        timeout: 15_000,
      }),
  };
}
