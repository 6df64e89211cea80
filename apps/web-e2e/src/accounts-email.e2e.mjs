// @ts-check
/**
 * Accounts by email: registering opens no session until the verification mail's link is followed; a
 * forgotten password is reset from its mail, and the session opened before the reset is refused.
 */
import assert from 'node:assert/strict';
import { newestMail } from './mailbox.mjs';
import { eventually, isSignedIn, logIn, scenario, uniqueSuffix } from './support.mjs';

scenario('register, read the verification mail, its link signs the account in', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const email = `e2e.verify.${suffix}@example.org`;
  const displayName = `E2E Verify ${suffix}`;
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(displayName);
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(`e2e-password-${suffix}`);
  await main.getByRole('button', { name: 'Create account' }).click();

  const heading = main.getByRole('heading', { name: 'Check your mail' });
  await heading.waitFor();
  assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus moves to the message');
  await main.getByText(`We sent a message to ${email}.`, { exact: false }).waitFor();
  assert.equal(await isSignedIn(page), false, 'no session before the address is confirmed');

  const { mail, link } = await newestMail(email, 'account.verify_email');
  assert.equal(mail.subject, 'Confirm your email address for Twinning');
  assert.match(mail.text, /You received this mail because someone registered a Twinning account with this address/);
  await page.goto(/** @type {string} */ (link));
  await main.getByText('Your address is confirmed and you are signed in.').waitFor();
  await eventually(async () => assert.ok(await isSignedIn(page)));
  assert.equal(await page.getByRole('button', { name: 'Send the link again' }).count(), 0, 'no banner once verified');

  // The link is single use.
  const other = await newPage();
  await other.goto(/** @type {string} */ (link));
  await other
    .getByRole('main')
    .getByRole('alert')
    .filter({ hasText: 'This link is invalid, has expired or was already used.' })
    .waitFor();
});

scenario('forgot password: the reset link sets a new one and the old session is refused', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const email = `e2e.reset.${suffix}@example.org`;
  const oldPassword = `e2e-old-password-${suffix}`;
  const newPassword = `e2e-new-password-${suffix}`;

  // An account, verified through its mail.
  const before = await newPage();
  await before.goto('/register');
  const main = before.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(`E2E Reset ${suffix}`);
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(oldPassword);
  await main.getByRole('button', { name: 'Create account' }).click();
  await main.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await before.goto(/** @type {string} */ ((await newestMail(email, 'account.verify_email')).link));
  await eventually(async () => assert.ok(await isSignedIn(before)));

  // In another browser: "Forgot your password?" from the login page.
  const page = await newPage();
  await page.goto('/login');
  await page.getByRole('main').getByRole('link', { name: 'Forgot your password?' }).click();
  const form = page.getByRole('main');
  await form.getByRole('heading', { level: 1, name: 'Forgot your password' }).waitFor();
  await form.getByRole('textbox', { name: 'Email address' }).fill(email);
  await form.getByRole('button', { name: 'Send me a link' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `If an account uses ${email}, we sent it a link` })
    .waitFor();

  const { link } = await newestMail(email, 'account.reset_password');
  assert.match(link ?? '', /^\/reset-password\?token=/);
  await page.goto(/** @type {string} */ (link));
  await form.getByLabel('New password').fill(newPassword);
  await form.getByRole('button', { name: 'Set my new password' }).click();
  await form.getByText(/every session was signed out/).waitFor();
  assert.equal(
    (await newestMail(email, 'account.password_changed')).mail.subject,
    'Your Twinning password was changed',
  );

  // The session opened before the reset is refused: reloading finds it signed out.
  await before.reload();
  await before.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await isSignedIn(before), false);

  // The new password works.
  await logIn(page, email, { password: newPassword });
});
