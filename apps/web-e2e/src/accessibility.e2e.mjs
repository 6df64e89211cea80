// @ts-check
/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page, in English and in Arabic (right to
 * left), as a visitor, a member, a city coordinator and an administrator: the partnership, forum,
 * notification, search and moderation pages with the demo data, and their empty states for a newcomer.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, DEMO, axe, eventually, expectDocumentLanguage, scenario, uniqueSuffix } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';
import { mailLinkPath, openMail } from './outbox.mjs';

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

/**
 * The address of a link on a page, to check the page it leads to (whose id is only known at run time).
 * @param {Page} page
 * @param {string} path
 * @param {string} name the link's accessible name (in English)
 */
async function linkTarget(page, path, name) {
  await page.goto(path);
  const href = await page.getByRole('main').getByRole('link', { name, exact: true }).first().getAttribute('href');
  assert.ok(href, `${path} links to “${name}”`);
  return href;
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
    {
      name: 'forgot-password',
      path: '/forgot-password',
      ready: (p) => p.locator('main input[name="email"]').waitFor(),
    },
    {
      name: 'reset-password',
      path: '/reset-password?token=e2e-not-a-real-token-0000000000',
      ready: (p) => p.locator('main input[name="password"]').waitFor(),
    },
    { name: 'register', path: '/register', ready: (p) => p.locator('main input[name="displayName"]').waitFor() },
    {
      name: 'verify-email-invalid',
      path: '/verify-email?token=e2e-not-a-real-token-0000000000',
      ready: (p) => p.locator('main [role="alert"]').waitFor(),
    },
    {
      name: 'verify-email-missing',
      path: '/verify-email',
      ready: (p) => p.locator('main [role="alert"], main p').first().waitFor(),
    },
    {
      name: 'cities-filtered',
      path: '/cities?region=south_east_asia&profile=emerging',
      ready: (p) => p.locator('main ul[aria-label] > li.city-card').first().waitFor(),
    },
    { name: 'city', path: '/cities/toronto', ready: cityPageReady },
    { name: 'not-found', path: '/no-such-page', ready: (p) => p.locator('main ul.link-list').waitFor() },
    // An unsubscribe link that is not (or no longer) valid: the page says so and points to the profile.
    {
      name: 'unsubscribe-invalid',
      path: '/unsubscribe?token=e2e-not-a-real-token-0000000000',
      ready: (p) => p.locator('main [role="alert"]').waitFor(),
    },
    { name: 'unsubscribe-missing', path: '/unsubscribe', ready: (p) => p.locator('main [role="alert"]').waitFor() },
    // The development Outbox filtered by an address nothing was sent to: its empty state.
    {
      name: 'outbox-empty',
      path: '/dev/outbox?to=nobody.e2e%40example.org',
      ready: (p) => p.locator('main p.empty').waitFor(),
    },
  ]);
});

scenario('axe: a member’s profile, city page and empty states, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  // A new account of this run's own: switching its language does not touch the shared demo accounts.
  const suffix = uniqueSuffix();
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(`E2E Axe ${suffix}`);
  await main.getByRole('textbox', { name: 'Email address' }).fill(`e2e.axe.${suffix}@example.org`);
  await main.getByLabel('Password', { exact: true }).fill(`e2e-password-${suffix}`);
  await main.getByRole('button', { name: 'Create account' }).click();
  await main.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await axe(page, { name: 'check-your-mail' });
  const mail = await openMail(page, `e2e.axe.${suffix}@example.org`, 'Confirm your email address for Twinning');
  const outboxMail = page.url();
  const verifyLink = await mailLinkPath(mail, 'Confirm my address');
  await page.goto(verifyLink);
  await page.locator('#user-menu-button').waitFor();
  await main.getByText('Your address is confirmed and you are signed in.').waitFor();
  await axe(page, { name: 'verify-email-done' });
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
    // The development Outbox: this account's mail, and its verification mail (HTML in a frame, text, headers).
    {
      name: 'outbox',
      path: `/dev/outbox?to=${encodeURIComponent(`e2e.axe.${suffix}@example.org`)}`,
      ready: (p) => p.locator('main table tbody tr').first().waitFor(),
    },
    {
      name: 'outbox-mail',
      path: new URL(outboxMail).pathname,
      ready: (p) => Promise.all([p.locator('main iframe').waitFor(), p.locator('main pre').first().waitFor()]),
    },
    // No city yet: the partnership pages say how to start; no notification; only the theme forums.
    { name: 'partnerships-no-city', path: '/partnerships', ready: (p) => p.locator('main .empty').waitFor() },
    {
      name: 'suggestions-no-city',
      path: '/partnerships/suggestions',
      ready: (p) => p.locator('main .empty').waitFor(),
    },
    { name: 'propose-no-city', path: '/partnerships/new', ready: (p) => p.locator('main .empty').waitFor() },
    { name: 'notifications-empty', path: '/notifications', ready: (p) => p.locator('main p.empty').waitFor() },
    {
      name: 'forums-member',
      path: '/forums',
      // theme and course forums in lists, no partnership forum yet
      ready: (p) =>
        Promise.all([p.locator('main ul.forum-grid').first().waitFor(), p.locator('main p.empty').waitFor()]),
    },
  ]);
});

scenario('axe: the notice of an unverified account, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  const suffix = uniqueSuffix();
  const email = `e2e.unverified.${suffix}@example.org`;
  const password = `e2e-password-${suffix}`;
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(`E2E Unverified ${suffix}`);
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Create account' }).click();
  await main.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await logIn(page, email, { password });
  await checkPages(page, [
    {
      name: 'unverified-notice',
      path: '/forums',
      ready: (p) => p.locator('main .verify-banner button').waitFor(),
    },
  ]);
});

/**
 * Runs `fn`, then chooses English again: signed in, the language picked is saved to the (shared) demo
 * profile.
 * @param {Page} page
 * @param {() => Promise<void>} fn
 */
const restoringEnglish = (page, fn) => restoringLanguage(page, 'en', fn);

scenario('axe: join requests and a city page as coordinator, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  await restoringEnglish(page, () =>
    checkPages(page, [
      {
        name: 'home-signed-in',
        path: '/',
        ready: (p) => p.locator('main #home-unread').waitFor(),
      },
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

scenario(
  'axe: partnerships, forums, search, notifications and moderation as coordinator, in English and Arabic',
  async ({ newPage }) => {
    const page = await newPage({ axe: true });
    await logIn(page, ACCOUNTS.coordinatorToronto.email);
    const partnership = await linkTarget(page, '/partnerships', DEMO.torontoPenang);
    const forum = await linkTarget(page, partnership, 'Open the partnership forum');
    const thread = await linkTarget(page, forum, 'Credential recognition pilots: what worked in Toronto');
    await restoringEnglish(page, () =>
      checkPages(page, [
        {
          name: 'partnerships',
          path: '/partnerships',
          ready: (p) => p.locator('main li.partnership-card').first().waitFor(),
        },
        {
          name: 'partnership-suggestions',
          path: '/partnerships/suggestions',
          ready: (p) => p.locator('main ol.suggestion-list > li').first().waitFor(),
        },
        {
          name: 'propose-partnership',
          path: '/partnerships/new',
          ready: (p) => p.locator('main select[name="fromCityId"]').waitFor(),
        },
        {
          name: 'partnership',
          path: partnership,
          ready: (p) =>
            Promise.all([p.locator('main .partnership__status').waitFor(), p.locator('main table').first().waitFor()]),
        },
        {
          name: 'notifications',
          path: '/notifications',
          ready: (p) => p.locator('main ul.notification-list, main p.empty').first().waitFor(),
        },
        { name: 'forums', path: '/forums', ready: (p) => p.locator('main ul.forum-grid').nth(1).waitFor() },
        { name: 'forum', path: forum, ready: (p) => p.locator('main ul.thread-list > li').first().waitFor() },
        { name: 'thread', path: thread, ready: (p) => p.locator('main article#post-3').waitFor() },
        {
          name: 'search',
          path: '/search?q=credential',
          ready: (p) => p.locator('main ol.search-results mark').first().waitFor(),
        },
        {
          name: 'moderation-coordinator',
          path: '/moderation',
          ready: (p) => p.locator('main ul.flag-list, main p.empty').first().waitFor(),
        },
      ]),
    );
  },
);

scenario('axe: administration and moderation, in English and Arabic', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.admin.email);
  await restoringEnglish(page, () =>
    checkPages(page, [
      { name: 'admin', path: '/admin', ready: (p) => p.locator('main table tbody tr').first().waitFor() },
      { name: 'moderation', path: '/moderation', ready: (p) => p.locator('main ul.flag-list > li').first().waitFor() },
      {
        name: 'moderation-audit',
        path: '/moderation/audit',
        ready: (p) => p.locator('main table, main p.empty').first().waitFor(),
      },
    ]),
  );
});
