// @ts-check
/**
 * People beside their writing: a post shows its author's avatar, name and "City · Role"; the name opens
 * the person card with the keyboard (Enter and Space), Escape closes it and focus returns to the name.
 * axe with the card open. Screenshots of the thread and the card at 1280 and 390 px, in English and Arabic.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, DEMO, axe, saveScreenshot, scenario, tabTo } from './support.mjs';
import { chooseLanguage, logIn } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const THREAD = 'Credential recognition pilots: what worked in Toronto';

/**
 * Where the link named `name` on `path` points.
 * @param {Page} page
 * @param {string} path
 * @param {string} name
 */
async function linkTarget(page, path, name) {
  await page.goto(path);
  const href = await page.getByRole('main').getByRole('link', { name, exact: true }).first().getAttribute('href');
  assert.ok(href, `${path} links to “${name}”`);
  return href;
}

scenario('a post shows “City · Role”, and the author’s card opens and closes by keyboard', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.officialToronto.email);
  const partnership = await linkTarget(page, '/partnerships', DEMO.torontoPenang);
  await page.goto(partnership);
  const forum = await page.getByRole('main').getByRole('link', { name: /forum/i }).first().getAttribute('href');
  assert.ok(forum, 'the partnership page links to its forum');
  const thread = await linkTarget(page, forum, THREAD);
  await page.goto(thread);
  const main = page.getByRole('main');
  const first = main.locator('article#post-1');
  await first.waitFor();

  // the author's city in this partnership and their role, beside their name
  const daniel = first.getByRole('button', { name: ACCOUNTS.coordinatorToronto.displayName, exact: true });
  await daniel.waitFor();
  assert.equal(await first.locator('.post__person-meta').innerText(), 'Toronto · Coordinator');
  assert.equal((await first.getByTestId('avatar').innerText()).trim(), 'DO');
  const second = main.locator('article#post-2');
  assert.match(await second.locator('.post__person-meta').innerText(), /^George Town.* · Coordinator$/);

  // keyboard: Tab to the name, Enter opens the card
  await tabTo(page, daniel);
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: ACCOUNTS.coordinatorToronto.displayName });
  await card.waitFor();
  await card.getByText('Local time now').waitFor();
  await card.getByRole('link', { name: 'Toronto' }).waitFor();
  assert.doesNotMatch(await card.innerText(), /@twinning\.demo/, 'no email address on the card');
  await axe(page, { name: 'person card' });

  // Escape closes it and focus returns to the name
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.ok(await daniel.evaluate((el) => el === document.activeElement), 'focus is back on the name');

  // Space opens it too
  await page.keyboard.press(' ');
  await card.waitFor();
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });

  // screenshots: the thread and the open card, 1280 and 390 px, English and Arabic
  for (const language of /** @type {const} */ (['en', 'ar'])) {
    await chooseLanguage(page, language);
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await first.waitFor();
      await saveScreenshot(page, `people-thread-${language}-${width}`);
      await daniel.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('.person-card__facts').waitFor();
      await saveScreenshot(page, `people-card-${language}-${width}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  }
  await chooseLanguage(page, 'en');
});
