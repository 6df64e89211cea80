// @ts-check
/**
 * Reads captured mail as a developer does: in the development Outbox (`/dev/outbox`, every mail the
 * server wrote when it has no SMTP server), in the browser. The HTML part of a mail is shown in a
 * sandboxed frame whose links open a new tab; `followMailLink` clicks one and returns that tab.
 */
import assert from 'node:assert/strict';
import { baseUrl, eventually } from './support.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').FrameLocator} FrameLocator */

/**
 * Opens the Outbox in `page`, filters it by recipient with its form, and opens the newest mail to `to`
 * whose subject is `subject` (reloading until it is listed). Returns the frame showing its HTML part.
 * @param {Page} page
 * @param {string} to
 * @param {string} subject
 * @returns {Promise<FrameLocator>}
 */
export async function openMail(page, to, subject) {
  const main = page.getByRole('main');
  await page.goto('/dev/outbox');
  await main.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
  const search = main.getByRole('search', { name: 'Recipient' });
  await search.getByRole('searchbox', { name: 'Recipient' }).fill(to);
  await search.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL((url) => url.searchParams.get('to') === to);
  const mail = main
    .getByRole('table', { name: 'Mail, newest first' })
    .getByRole('row')
    .filter({ hasText: to })
    .getByRole('link', { name: subject, exact: true })
    .first();
  let attempt = 0;
  await eventually(
    async () => {
      if (attempt++ > 0) await page.reload();
      await mail.waitFor({ timeout: 3_000 });
    },
    { timeout: 15_000, interval: 250 },
  );
  await mail.click();
  await main.getByRole('heading', { level: 1, name: subject, exact: true }).waitFor();
  assert.equal(await main.getByRole('definition').filter({ hasText: to }).count(), 1, `the mail is to ${to}`);
  return main.getByTitle(`The mail “${subject}” as HTML`).contentFrame();
}

/**
 * Clicks the link `name` in a mail's HTML part and returns the tab it opens, loaded. The link must point
 * at the app under test (run.mjs and CI start it with PUBLIC_URL set to its address).
 * @param {Page} page the Outbox page showing the mail
 * @param {FrameLocator} mail from `openMail`
 * @param {string} name the link's text, e.g. the mail's button
 * @returns {Promise<Page>}
 */
export async function followMailLink(page, mail, name) {
  const link = mail.getByRole('link', { name, exact: true });
  const [tab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await tab.waitForLoadState();
  assert.ok(
    tab.url().startsWith(`${baseUrl()}/`),
    `the mail's link opened ${tab.url()}, not the app under test (${baseUrl()}): start it with PUBLIC_URL=${baseUrl()}`,
  );
  return tab;
}

/**
 * The address of the link `name` in a mail's HTML part, as a path with its query (to open elsewhere).
 * @param {FrameLocator} mail
 * @param {string} name
 */
export async function mailLinkPath(mail, name) {
  const href = await mail.getByRole('link', { name, exact: true }).getAttribute('href');
  assert.ok(href, `the mail has a link “${name}”`);
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}
