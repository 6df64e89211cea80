// @ts-check
/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page, in English and in Arabic (right to
 * left), as a visitor, a member, a city coordinator and an administrator.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  axe,
  chooseLanguage,
  eventually,
  expectDocumentLanguage,
  logIn,
  scenario,
  uniqueSuffix,
} from './support.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./support.mjs').UiLanguage} UiLanguage */

/**
 * @typedef {object} PageToCheck
 * @property {string} name
 * @property {string} path
 * @property {(page: Page) => Promise<unknown>} ready Resolves once the page shows its content (any language).
 */

/** @type {readonly UiLanguage[]} */
const LANGUAGES = ['en', 'ar'];

/**
 * Waits until the page is rendered: one `<h1>`, no loading indicator left, and `ready` satisfied.
 * @param {Page} page
 * @param {PageToCheck} target
 * @param {UiLanguage} language
 */
async function open(page, target, language) {
  await page.goto(target.path);
  await expectDocumentLanguage(page, language);
  await target.ready(page);
  await eventually(async () => {
    assert.equal(await page.locator('main h1').count(), 1, 'one h1');
    assert.equal(await page.locator('main .loading').count(), 0, 'nothing is loading');
  });
}

/**
 * Runs axe on each page in each language, and fails once with every violation found.
 * @param {Page} page
 * @param {PageToCheck[]} pages
 */
async function checkPages(page, pages) {
  /** @type {string[]} */
  const failures = [];
  let checked = 0;
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    for (const target of pages) {
      await open(page, target, language);
      try {
        await axe(page, { name: target.name });
        checked += 1;
      } catch (error) {
        failures.push(/** @type {Error} */ (error).message);
      }
    }
  }
  assert.deepEqual(failures, [], failures.join('\n\n'));
  assert.equal(checked, pages.length * LANGUAGES.length);
}

/** @param {Page} page */
const cityPageReady = (page) =>
  Promise.all([
    page.getByRole('heading', { level: 1, name: 'Toronto' }).waitFor(),
    page.locator('main section.panel').waitFor(),
  ]);

scenario('axe: public pages, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await page.goto('/');
  await checkPages(page, [
    { name: 'home', path: '/', ready: (p) => p.locator('main ol.steps').waitFor() },
    { name: 'login', path: '/login', ready: (p) => p.locator('main input[name="password"]').waitFor() },
    { name: 'register', path: '/register', ready: (p) => p.locator('main input[name="displayName"]').waitFor() },
    {
      name: 'cities-filtered',
      path: '/cities?region=south_east_asia&profile=emerging',
      ready: (p) => p.locator('main ul[aria-label] > li.city-card').first().waitFor(),
    },
    { name: 'city', path: '/cities/toronto', ready: cityPageReady },
    { name: 'not-found', path: '/no-such-page', ready: (p) => p.locator('main ul.link-list').waitFor() },
  ]);
});

scenario('axe: a member’s profile and city page, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  // A new account of this run's own: switching its language does not touch the shared demo accounts.
  const suffix = uniqueSuffix();
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(`E2E Axe ${suffix}`);
  await main.getByRole('textbox', { name: 'Email address' }).fill(`e2e.axe.${suffix}@example.org`);
  await main.getByLabel('Password', { exact: true }).fill(`e2e-password-${suffix}`);
  await main.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).waitFor();
  // A pending request, so that the profile lists it (with its status badge).
  await page.goto('/cities/lisbon');
  const panel = main.getByRole('region', { name: 'Represent this city' });
  await panel.getByRole('button', { name: 'Request to join as an official' }).click();
  await panel.getByRole('status').filter({ hasText: 'Your request is pending.' }).waitFor();

  await checkPages(page, [
    {
      name: 'profile',
      path: '/profile',
      ready: (p) =>
        Promise.all([
          p.locator('main select[name="timeZone"]').waitFor(),
          p.locator('main a[href="/cities/lisbon"]').waitFor(),
        ]),
    },
    {
      name: 'city-signed-in',
      path: '/cities/da-nang',
      ready: (p) => p.locator('main textarea[name="message"]').waitFor(),
    },
  ]);
});

/**
 * Runs `fn`, then chooses English again: signed in, the language picked is saved to the (shared) demo
 * profile. A failure to restore it only fails the test if `fn` passed.
 * @param {Page} page
 * @param {() => Promise<void>} fn
 */
async function restoringEnglish(page, fn) {
  let passed = false;
  try {
    await fn();
    passed = true;
  } finally {
    await chooseLanguage(page, 'en').catch((error) => {
      if (passed) throw error;
    });
  }
}

scenario('axe: join requests and a city page as coordinator, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  await restoringEnglish(page, () =>
    checkPages(page, [
      {
        name: 'join-requests',
        path: '/join-requests',
        ready: (p) => p.locator('main table, main p.empty').first().waitFor(),
      },
      {
        name: 'city-coordinator',
        path: '/cities/toronto',
        ready: (p) => Promise.all([cityPageReady(p), p.locator('main select[name="role"]').first().waitFor()]),
      },
    ]),
  );
});

scenario('axe: administration, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.admin.email);
  await restoringEnglish(page, () =>
    checkPages(page, [
      { name: 'admin', path: '/admin', ready: (p) => p.locator('main table tbody tr').first().waitFor() },
    ]),
  );
});
