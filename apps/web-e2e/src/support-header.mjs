// @ts-check
/**
 * Helpers for the header of the browser tests' pages: signing in and out, the account menu, the
 * language picker and the notification bell's count.
 */
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, eventually, expectDocumentLanguage } from './support.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./support.mjs').UiLanguage} UiLanguage */

/**
 * Whether someone is signed in: the header then has the account menu's button, in any language.
 * @param {Page} page
 */
export async function isSignedIn(page) {
  return (await page.locator('#user-menu-button').count()) > 0;
}

/**
 * Opens the header's account menu (profile, language, log out) unless it is open, and returns its panel.
 * @param {Page} page
 */
export async function openUserMenu(page) {
  const button = page.locator('#user-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await panel.waitFor();
  return panel;
}

/**
 * Logs out with the account menu's button and waits until the header offers to log in again.
 * @param {Page} page
 */
export async function logOut(page) {
  const menu = await openUserMenu(page);
  await menu.getByRole('button', { name: 'Log out' }).click();
  await page.locator('#user-menu-button').waitFor({ state: 'detached' });
}

/**
 * Chooses the interface language with the header's picker (in the account menu when signed in, which is
 * closed again afterwards). Signed in, the choice is saved to the profile; this waits for that save,
 * since the profile's language wins on the next page load.
 * @param {Page} page
 * @param {UiLanguage} language
 */
export async function chooseLanguage(page, language) {
  const signedIn = await isSignedIn(page);
  if (signedIn) await openUserMenu(page);
  const picker = page.locator('select#language-picker');
  await picker.waitFor();
  if ((await picker.inputValue()) !== language) {
    const saved = signedIn
      ? page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH')
      : null;
    await picker.selectOption(language);
    if (saved) assert.equal((await saved).status(), 200, 'saving the preferred language failed');
  }
  if (signedIn && (await page.locator('#user-menu-button').getAttribute('aria-expanded')) === 'true') {
    await page.locator('#user-menu-button').click();
  }
  await expectDocumentLanguage(page, language);
}

/**
 * Logs in through the /login form (in English) and waits until the app has left the login page. The
 * profile's preferred language then applies; `language` (English by default) is chosen again so that
 * the test sees the interface it expects whatever an earlier run left in the profile.
 * @param {Page} page
 * @param {string} email
 * @param {{ password?: string, language?: UiLanguage }} [options]
 */
export async function logIn(page, email, { password = DEMO_PASSWORD, language = 'en' } = {}) {
  await page.goto('/login');
  const main = page.getByRole('main');
  await main.getByLabel('Email address').fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await eventually(async () => assert.ok(await isSignedIn(page), `${email} should be signed in`));
  await chooseLanguage(page, language);
}

/**
 * Runs `fn`, then chooses `language` again: signed in, the language picked is saved to the (shared) demo
 * profile, so a test that switches it gives the profile its language back. A failure to restore it only
 * fails the test if `fn` passed.
 * @param {Page} page
 * @param {UiLanguage} language
 * @param {() => Promise<void>} fn
 */
export async function restoringLanguage(page, language, fn) {
  let passed = false;
  try {
    await fn();
    passed = true;
  } finally {
    await chooseLanguage(page, language).catch((error) => {
      if (passed) throw error;
    });
  }
}

/**
 * The unread count the header's bell announces ("Notifications, 3 unread"; 0 for "Notifications").
 * @param {Page} page
 */
export async function unreadNotifications(page) {
  const bell = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Notifications/ });
  const label = (await bell.getAttribute('aria-label')) ?? '';
  return Number(label.match(/(\d+) unread/)?.[1] ?? 0);
}
