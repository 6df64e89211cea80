// @ts-check
/** What people see when they get something wrong. */
import assert from 'node:assert/strict';
import { ACCOUNTS, eventually, scenario, sleep, uniqueSuffix } from './support.mjs';
import { isSignedIn } from './support-header.mjs';

scenario('a wrong password shows an alert and does not sign in', async ({ newPage }) => {
  const page = await newPage();
  await page.goto('/login');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Email address' }).fill(ACCOUNTS.member.email);
  await main.getByLabel('Password', { exact: true }).fill('not-the-right-password');
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
  await main.getByRole('button', { name: 'Log in' }).click();
  assert.equal((await answer).status(), 401);

  const alert = main.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /The email address or password is incorrect\./);

  // Still on the login page, still anonymous.
  assert.equal(new URL(page.url()).pathname, '/login');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await isSignedIn(page), false);
  assert.equal(await nav.getByText(ACCOUNTS.member.displayName).count(), 0);
  assert.equal(await main.getByRole('textbox', { name: 'Email address' }).inputValue(), ACCOUNTS.member.email);

  // A reload does not find a session either.
  await page.reload();
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await isSignedIn(page), false);
});

scenario('registering with a 5-character password shows an error on the password field', async ({ newPage }) => {
  const page = await newPage();
  const registrations = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/register') registrations.push(request);
  });
  await page.goto('/register');
  const main = page.getByRole('main');
  const password = main.getByLabel('Password', { exact: true });
  await main.getByRole('textbox', { name: 'Display name' }).fill('E2E Short Password');
  await main.getByRole('textbox', { name: 'Email address' }).fill(`e2e.short.${uniqueSuffix()}@example.org`);
  await password.fill('abcde');
  await main.getByRole('button', { name: 'Create account' }).click();

  // The form says what to fix, next to the field, and puts focus on it.
  await main.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' }).waitFor();
  await eventually(async () => assert.equal(await password.getAttribute('aria-invalid'), 'true'));
  const description = await password.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
  assert.match(description, /Use at least \d+ characters\./, 'the error is tied to the field');
  await main.getByText(/^Use at least \d+ characters\.$/).waitFor();
  await eventually(async () => assert.ok(await password.evaluate((input) => input === document.activeElement)));
  for (const field of ['Display name', 'Email address']) {
    assert.equal(await main.getByRole('textbox', { name: field }).getAttribute('aria-invalid'), null, field);
  }

  // Nothing was sent, and nobody is signed in.
  await sleep(300);
  assert.equal(registrations.length, 0, 'the form did not send the registration');
  assert.equal(new URL(page.url()).pathname, '/register');
  assert.equal(await isSignedIn(page), false);
});
