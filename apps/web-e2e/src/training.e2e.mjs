// @ts-check
/**
 * The training requests board and a request's page, read only (the demo data stays as it is): Toronto's
 * coordinator filters the board by state (the filter lands in the address), opens the demo request "Mediation
 * and negotiation for newcomer-service front desks", sees its two offers and the ranked trainers with their
 * reasons; the facilitator sees the offer form on the same request. axe on the board, the request page and the
 * new-request form in English and Arabic; at 390 px nothing makes the page scroll sideways.
 * Then a full lifecycle on a request of its own (the demo request stays open): Toronto's coordinator accepts the
 * facilitator's offer, schedules one live session, and the workshop appears in the facilitator's own list.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, apiAs, axe, eventually, saveScreenshot, scenario, uniqueSuffix } from './support.mjs';
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

/** @param {number} days */
const dayFromNow = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

scenario(
  'a requester accepts an offer and schedules it; the workshop appears in the trainer’s list',
  async ({ newPage }) => {
    const title = `Negotiation clinic ${uniqueSuffix()}`;
    const coordinator = await apiAs(ACCOUNTS.coordinatorToronto.email);
    const toronto = await coordinator('GET', '/api/cities/toronto');
    const request = await coordinator('POST', '/api/training/requests', {
      cityId: toronto.id,
      title,
      themes: ['integration'],
      skills: ['negotiation'],
      audienceRoles: [],
      headCount: 4,
      officialIds: [],
      languages: ['en'],
      format: 'live_online',
      preferredStart: dayFromNow(20),
      preferredEnd: dayFromNow(40),
    });
    const facilitator = await apiAs(ACCOUNTS.facilitator.email);
    await facilitator('POST', `/api/training/requests/${request.id}/offers`, {
      approach: 'One live clinic on interest-based negotiation at the counter.',
      format: 'live_online',
      proposedDates: [dayFromNow(30)],
      trainerIds: [(await facilitator('GET', '/api/me')).id],
      language: 'en',
    });

    const page = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
    await logIn(page, ACCOUNTS.coordinatorToronto.email);
    await page.goto(`/training/${request.id}/offers`);
    await page.getByRole('button', { name: `Accept the offer of ${ACCOUNTS.facilitator.displayName}` }).click();
    await page.getByRole('button', { name: 'Yes, accept this offer' }).click();
    await page.getByText('An offer was accepted; dates are being fixed.').waitFor();

    await page.getByRole('link', { name: 'Delivery' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schedule the training' }).waitFor();
    await axe(page, { name: 'training-schedule' });
    await page.getByLabel('Session 1 starts').fill(`${dayFromNow(30)}T09:00`);
    await page.getByLabel('Session 1 ends').fill(`${dayFromNow(30)}T11:00`);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText('The training is scheduled. Everyone concerned was told.').waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await saveScreenshot(page, 'training-scheduled-en-1280');

    const trainer = await newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(trainer, ACCOUNTS.facilitator.email);
    await trainer.goto('/workshops');
    await trainer.getByLabel('Only workshops I registered for or facilitate').check();
    await trainer.getByRole('link', { name: title }).waitFor();
    await trainer.getByRole('link', { name: title }).click();
    await trainer.getByRole('heading', { level: 1, name: title }).waitFor();
  },
);

scenario(
  'a participant evaluates the delivered training by keyboard; the requester sees the aggregate',
  async ({ newPage }) => {
    const official = await apiAs(ACCOUNTS.officialToronto.email);
    const delivered = await official('GET', '/api/training/requests?status=delivered');
    const training = delivered.items.find(
      (/** @type {{ title: string }} */ item) => item.title === 'Leading multilingual front-desk teams',
    );
    assert.ok(training, 'the demo data has a delivered training');

    const page = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
    await logIn(page, ACCOUNTS.officialToronto.email, { language: 'fr' });
    await restoringLanguage(page, 'fr', async () => {
      await chooseLanguage(page, 'en');
      await page.goto(`/training/${training.id}/evaluation`);
      await page.getByRole('heading', { level: 2, name: 'Your evaluation' }).waitFor();
      await axe(page, { name: 'training-evaluation-form' });
      // radios by keyboard: the arrow keys move the choice within a group
      const overall = page.getByRole('group', { name: 'Overall' });
      await overall.getByRole('radio', { name: '1 – poor' }).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
      assert.ok(await overall.getByRole('radio', { name: '4' }).isChecked());
      const relevance = page.getByRole('group', { name: 'Relevance to your work' });
      await relevance.getByRole('radio', { name: '1 – poor' }).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
      assert.ok(await relevance.getByRole('radio', { name: '5 – excellent' }).isChecked());
      await page.getByRole('group', { name: 'I will apply this' }).getByRole('radio', { name: 'Yes' }).focus();
      await page.keyboard.press('Space');
      await page.getByLabel('One thing to improve (optional)').fill('Examples from Toronto desks');
      await page.getByRole('button', { name: 'Send my evaluation' }).press('Enter');
      await page.getByText('Thank you: your evaluation was saved.').waitFor();
      await page.getByRole('button', { name: 'Update my evaluation' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Evaluation results' }).count(), 0);
    });

    const requester = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
    await logIn(requester, ACCOUNTS.coordinatorToronto.email);
    await requester.goto(`/training/${training.id}/evaluation`);
    const results = requester.getByRole('region', { name: 'Evaluation results' });
    await results
      .getByText(/of 5 on average/)
      .first()
      .waitFor();
    assert.match((await results.textContent()) ?? '', /Examples from Toronto desks/);
    await axe(requester, { name: 'training-evaluation-results' });
    await restoringLanguage(requester, 'en', async () => {
      await chooseLanguage(requester, 'ar');
      await requester.getByRole('heading', { level: 2, name: 'نتائج التقييم' }).waitFor();
      await axe(requester, { name: 'training-evaluation-results-ar' });
      await saveScreenshot(requester, 'training-evaluation-ar-1280');
    });
  },
);
