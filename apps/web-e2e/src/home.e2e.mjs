// @ts-check
/**
 * The signed-in home: Toronto's coordinator lands on it after signing in and sees its blocks, each a
 * region named by its heading, with a join request to decide (demo data); at 390 px in Arabic it is
 * right to left and nothing overflows sideways. Each block shows what the role that sees it has:
 * the live demo workshop with a Join button, join requests for a coordinator, open reports for an
 * admin, recent activity in the partnerships. Anonymous visitors get the public landing page.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, documentLanguage, eventually, saveScreenshot, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

scenario('a coordinator lands on the home: its blocks, in English and Arabic at 390 px', async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  assert.equal(new URL(page.url()).pathname, '/');
  const main = page.getByRole('main');
  await main
    .getByRole('heading', { level: 1, name: `Welcome back, ${ACCOUNTS.coordinatorToronto.displayName}` })
    .waitFor();
  for (const name of [
    'Live now',
    'Waiting for you',
    'Coming up in the next 30 days',
    'Unread threads',
    'Recent activity in your partnerships',
  ]) {
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

scenario('each block shows what the role that sees it has, axe clean', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  const main = page.getByRole('main');

  // the demo's live workshop is public: the coordinator may join it without having registered
  const live = main.getByRole('region', { name: 'Live now' });
  const join = live.getByRole('link', { name: /^Join Mediation at the service desk/ });
  await join.waitFor();
  assert.match((await join.getAttribute('href')) ?? '', /^\/workshops\/[^/]+\/room$/);

  const waiting = main.getByRole('region', { name: 'Waiting for you' });
  await waiting.getByRole('link', { name: /^Join requests to decide/ }).waitFor();

  const activity = main.getByRole('region', { name: 'Recent activity in your partnerships' });
  assert.ok((await activity.getByRole('listitem').count()) > 0, 'the coordinator’s partnerships have recent activity');
  await axe(page, { name: 'home-coordinator' });
  await saveScreenshot(page, 'home-coordinator-en-1280');

  // an admin moderates every forum: the demo's reported post waits for them
  const admin = await newPage();
  await logIn(admin, ACCOUNTS.admin.email);
  const reports = admin
    .getByRole('main')
    .getByRole('region', { name: 'Waiting for you' })
    .getByRole('link', { name: /reports? to review$/ });
  await reports.waitFor();
  assert.equal(await reports.getAttribute('href'), '/moderation');
});

scenario('anonymous visitors land on the public page: cities by region, log in and register', async ({ newPage }) => {
  const page = await newPage({ axe: true });
  await page.goto('/');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Cities learning from cities about migration' }).waitFor();
  assert.equal(await main.getByRole('link', { name: 'Log in' }).getAttribute('href'), '/login');
  assert.equal(await main.getByRole('link', { name: 'Create an account' }).getAttribute('href'), '/register');
  const cities = main.getByRole('region', { name: 'Cities taking part' });
  await cities.getByText(/^\d+ cities in 3 regions$/).waitFor();
  await cities
    .getByRole('region', { name: /^North America \(\d+\)$/ })
    .getByRole('link', { name: 'Toronto' })
    .waitFor();
  await axe(page, { name: 'landing' });
  await saveScreenshot(page, 'landing-en-1280');

  await chooseLanguage(page, 'ar');
  await main.getByRole('region', { name: 'المدن المشاركة' }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  // the header folds its sections behind the menu button once it has measured the new width
  await eventually(async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the landing page fits 390 px (overflows by ${overflow} px)`);
  });
  await axe(page, { name: 'landing-ar' });
  await saveScreenshot(page, 'landing-ar-390');
});
