// @ts-check
/**
 * The signed-in home: Toronto's coordinator lands on it after signing in and sees its blocks, each a
 * region named by its heading, with a join request to decide (demo data); at 390 px in Arabic it is
 * right to left and nothing overflows sideways.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  chooseLanguage,
  documentLanguage,
  logIn,
  restoringLanguage,
  saveScreenshot,
  scenario,
} from './support.mjs';

scenario('a coordinator lands on the home: its blocks, in English and Arabic at 390 px', async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  assert.equal(new URL(page.url()).pathname, '/');
  const main = page.getByRole('main');
  await main
    .getByRole('heading', { level: 1, name: `Welcome back, ${ACCOUNTS.coordinatorToronto.displayName}` })
    .waitFor();
  for (const name of ['Waiting for you', 'Coming up in the next 30 days', 'Unread threads']) {
    await main.getByRole('region', { name }).getByRole('heading', { level: 2, name }).waitFor();
  }

  await restoringLanguage(page, 'en', async () => {
    await chooseLanguage(page, 'ar');
    await main.getByRole('region', { name: 'بانتظارك' }).waitFor();
    assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the home fits 390 px (overflows by ${overflow} px)`);
    await saveScreenshot(page, 'home-ar-390');
  });
});
