// @ts-check
/**
 * The training requests board and a request's page, read only (the demo data stays as it is): Toronto's
 * coordinator filters the board by state (the filter lands in the address), opens the demo request "Mediation
 * and negotiation for newcomer-service front desks", sees its two offers and the ranked trainers with their
 * reasons; the facilitator sees the offer form on the same request. axe on the board, the request page and the
 * new-request form in English and Arabic; at 390 px nothing makes the page scroll sideways.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, eventually, saveScreenshot, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const REQUEST_TITLE = 'Mediation and negotiation for newcomer-service front desks';

/** @param {Page} page */
const pageOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

scenario('a coordinator reads the training board and a request with its offers and matches', async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  await page.goto('/training');
  await page.getByRole('link', { name: REQUEST_TITLE }).waitFor();
  await axe(page, { name: 'training-board' });

  await page.getByLabel('State').selectOption('withdrawn');
  await page.waitForURL('**/training?status=withdrawn');
  await page.getByLabel('State').selectOption('open');
  await page.waitForURL('**/training?status=open');
  await page.getByRole('link', { name: REQUEST_TITLE }).click();

  await page.getByRole('heading', { level: 1, name: REQUEST_TITLE }).waitFor();
  const offers = page.getByRole('list', { name: 'Offers' });
  await eventually(async () => assert.equal(await offers.getByRole('article').count(), 2));
  await page.getByRole('heading', { level: 2, name: 'Suggested trainers' }).waitFor();
  const reasons = page.getByRole('list', { name: /^Why .+ is suggested$/ });
  await reasons.first().waitFor();
  assert.match((await reasons.first().textContent()) ?? '', /points?\)/);
  await axe(page, { name: 'training-request' });
  await saveScreenshot(page, 'training-request-en-1280');

  await restoringLanguage(page, 'en', async () => {
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 2, name: 'المدرّبون المقترحون' }).waitFor();
    await axe(page, { name: 'training-request-ar' });
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(async () => assert.ok((await pageOverflow(page)) <= 0, 'the request page fits 390 px in Arabic'));
    await saveScreenshot(page, 'training-request-ar-390');
    await page.goto('/training/new');
    await page.getByRole('button', { name: 'نشر الطلب' }).waitFor();
    await axe(page, { name: 'training-new-ar' });
    assert.ok((await pageOverflow(page)) <= 0, 'the form fits 390 px');
  });
  await page.goto('/training');
  await page.getByRole('link', { name: REQUEST_TITLE }).waitFor();
  assert.ok((await pageOverflow(page)) <= 0, 'the board fits 390 px');
});

scenario('a facilitator sees the offer form on an open request', async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 390, height: 844 }, axe: true });
  await logIn(page, ACCOUNTS.facilitator.email);
  await page.goto('/training?status=open');
  await page.getByRole('link', { name: REQUEST_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: REQUEST_TITLE }).waitFor();
  await page
    .getByRole('heading', { level: 2, name: /^(Make an offer|Offers)$/ })
    .first()
    .waitFor();
  await axe(page, { name: 'training-request-facilitator' });
  assert.ok((await pageOverflow(page)) <= 0, 'the request page fits 390 px');
});
