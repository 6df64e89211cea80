// @ts-check
/**
 * The main journey: a newcomer registers, confirms their address from the mail, logs out and in again, finds cities with the directory's
 * filters, asks to join Toronto, and is approved by Toronto's coordinator in another browser.
 */
import assert from 'node:assert/strict';
import { mailLinkPath, openMail } from './outbox.mjs';
import { ACCOUNTS, eventually, scenario, uniqueSuffix } from './support.mjs';
import { logIn, logOut } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** Demo cities in South-East Asia with an emerging immigration profile (by slug). */
const SEA_EMERGING = new Map([
  ['george-town-penang', 'George Town (Penang)'],
  ['kuala-lumpur', 'Kuala Lumpur'],
  ['da-nang', 'Da Nang'],
  ['bangkok', 'Bangkok'],
  ['cebu-city', 'Cebu City'],
]);

/**
 * The directory's cards: the `<li>` children of the list named "Cities", each with its link.
 * @param {Page} page
 */
async function readCards(page) {
  const cards = page.getByRole('list', { name: 'Cities', exact: true }).locator(':scope > li');
  const result = [];
  for (const card of await cards.all()) {
    const link = card.getByRole('heading', { level: 2 }).getByRole('link');
    result.push({
      name: (await link.innerText()).trim(),
      href: await link.getAttribute('href'),
      text: await card.innerText(),
    });
  }
  return result;
}

/**
 * Waits for the directory to settle on the cards for the filters in the URL.
 * @param {Page} page
 */
async function settledCards(page) {
  const status = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /cit(y|ies) shown/ });
  await status.waitFor();
  const count = Number((await status.innerText()).match(/(\d+)/)?.[1]);
  const cards = await readCards(page);
  assert.equal(cards.length, count, 'the number of cards matches the status message');
  return cards;
}

scenario('a newcomer registers, filters the directory, asks to join Toronto and is approved', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const displayName = `E2E Newcomer ${suffix}`;
  const email = `e2e.newcomer.${suffix}@example.org`;
  const password = `e2e-password-${suffix}`;

  // --- Register: no session yet; the verification mail's link confirms the address and signs in.
  const page = await newPage();
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
  const nameInput = main.getByRole('textbox', { name: 'Display name' });
  const emailInput = main.getByRole('textbox', { name: 'Email address' });
  const passwordInput = main.getByLabel('Password', { exact: true });
  assert.equal(await nameInput.getAttribute('name'), 'displayName');
  assert.equal(await emailInput.getAttribute('name'), 'email');
  assert.equal(await passwordInput.getAttribute('name'), 'password');
  await nameInput.fill(displayName);
  await emailInput.fill(email);
  await passwordInput.fill(password);
  await main.getByRole('button', { name: 'Create account' }).click();
  await main.getByRole('heading', { name: 'Check your mail' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(
    await nav.getByRole('button', { name: `Account menu: ${displayName}` }).count(),
    0,
    'registering opens no session',
  );

  const link = await mailLinkPath(
    await openMail(page, email, 'Confirm your email address for Twinning'),
    'Confirm my address',
  );
  assert.match(link, /^\/verify-email\?token=/);
  await page.goto(link);
  await main.getByText('Your address is confirmed and you are signed in.').waitFor();
  await nav.getByRole('button', { name: `Account menu: ${displayName}` }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Log in' }).count(), 0);

  // --- Log out (in the account menu), then log in again with the new credentials.
  await logOut(page);
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  await eventually(async () => assert.equal(await nav.getByText(displayName).count(), 0));
  assert.equal(new URL(page.url()).pathname, '/');

  await page.goto('/login');
  await main.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Log in' }).click();
  await nav.getByRole('button', { name: `Account menu: ${displayName}` }).waitFor();
  // Signed in, a new account lands on its home, which sends it to find its city.
  await page.waitForURL((url) => url.pathname === '/');
  await main
    .getByRole('region', { name: 'Waiting for you' })
    .getByRole('link', { name: 'Find your city and ask to join it' })
    .waitFor();

  // --- Browse and filter the directory: region and profile, then free text.
  await page.goto('/cities');
  const all = await settledCards(page);
  assert.ok(all.length >= 12, `the directory lists the demo cities (got ${all.length})`);
  for (const card of all) assert.match(card.href ?? '', /^\/cities\/[a-z0-9-]+$/);

  const filters = main.getByRole('search', { name: 'Filter cities' });
  const region = filters.getByLabel('Region');
  const profile = filters.getByLabel('Immigration profile');
  assert.equal(await region.getAttribute('name'), 'region');
  assert.equal(await profile.getAttribute('name'), 'profile');
  await region.selectOption('south_east_asia');
  await profile.selectOption('emerging');

  await page.waitForURL((url) => url.searchParams.get('region') === 'south_east_asia');
  const filteredUrl = new URL(page.url());
  assert.equal(filteredUrl.pathname, '/cities');
  assert.equal(filteredUrl.searchParams.get('profile'), 'emerging');
  const filtered = await eventually(async () => {
    const cards = await settledCards(page);
    assert.ok(cards.length > 0, 'some cities match');
    for (const card of cards) {
      const slug = card.href?.replace('/cities/', '') ?? '';
      assert.equal(SEA_EMERGING.get(slug), card.name, `${card.name} (${card.href}) is an emerging SEA city`);
      assert.match(card.text, /South-East Asia/);
      assert.match(card.text, /Emerging city of immigration/);
    }
    return cards;
  });
  const names = filtered.map((card) => card.name);
  for (const expected of ['George Town (Penang)', 'Da Nang', 'Kuala Lumpur']) {
    assert.ok(names.includes(expected), `${expected} is among ${names.join(', ')}`);
  }
  assert.equal(await region.inputValue(), 'south_east_asia', 'the form shows the filters in force');

  // Filters apply as they change: the search shortly after typing stops.
  await filters.getByRole('searchbox', { name: 'Search' }).fill('Penang');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Penang');
  assert.equal(new URL(page.url()).searchParams.get('region'), 'south_east_asia');
  await eventually(async () => {
    const cards = await settledCards(page);
    assert.deepEqual(
      cards.map((card) => [card.name, card.href]),
      [['George Town (Penang)', '/cities/george-town-penang']],
    );
  });

  // --- Open Toronto from the directory and send the join request.
  await page.goto('/cities?q=Toronto');
  await eventually(async () =>
    assert.deepEqual(
      (await settledCards(page)).map((card) => card.name),
      ['Toronto'],
    ),
  );
  await main.getByRole('link', { name: 'Toronto', exact: true }).click();
  await page.waitForURL('**/cities/toronto');
  await main.getByRole('heading', { level: 1, name: 'Toronto' }).waitFor();

  const joinPanel = main.getByRole('region', { name: 'Represent this city' });
  await joinPanel.getByRole('textbox', { name: 'Message (optional)' }).fill(`Policy officer (${suffix}).`);
  await joinPanel.getByRole('button', { name: 'Request to join as an official' }).click();
  await joinPanel
    .getByRole('status')
    .filter({ hasText: 'Your request is pending. A coordinator will review it.' })
    .waitFor();
  await eventually(async () =>
    assert.equal(await joinPanel.getByRole('button', { name: 'Request to join as an official' }).count(), 0),
  );

  // --- Toronto's coordinator approves the request in another browser context.
  const coordinator = await newPage();
  await logIn(coordinator, ACCOUNTS.coordinatorToronto.email);
  await coordinator.goto('/join-requests');
  const review = coordinator.getByRole('main');
  await review.getByRole('heading', { level: 1, name: 'Join requests' }).waitFor();
  const row = review.getByRole('row').filter({ hasText: displayName });
  await row.waitFor();
  assert.match(await row.innerText(), /Toronto/);
  await review.getByRole('button', { name: `Approve ${displayName}`, exact: true }).click();
  await review
    .getByRole('status')
    .filter({ hasText: `${displayName} is now an official of Toronto.` })
    .waitFor();
  await eventually(async () =>
    assert.equal(await review.getByRole('button', { name: `Approve ${displayName}`, exact: true }).count(), 0),
  );

  // --- Back in the newcomer's browser: after a reload, they are an official of Toronto.
  await page.reload();
  await main.getByRole('heading', { level: 1, name: 'Toronto' }).waitFor();
  await joinPanel.getByRole('status').filter({ hasText: 'You are an official here.' }).waitFor();
  const officials = main.getByRole('list', { name: 'Officials' });
  const entry = officials.getByRole('listitem').filter({ hasText: displayName });
  await entry.waitFor();
  assert.match(await entry.innerText(), /Official/);
});
