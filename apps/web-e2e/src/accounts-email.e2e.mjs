// @ts-check
/**
 * Accounts by email, read through the development Outbox as a person reads their inbox: registering opens
 * no session until the link of the verification mail is followed; a forgotten password is reset from its
 * mail, and the session opened before the reset is refused.
 */
import assert from 'node:assert/strict';
import { followMailLink, mailLinkPath, openMail } from './outbox.mjs';
import { eventually, scenario, uniqueSuffix } from './support.mjs';
import { isSignedIn, logIn } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

/**
 * Registers through /register on `page` and waits for "Check your mail".
 * @param {Page} page
 * @param {{ displayName: string, email: string, password: string }} account
 */
async function register(page, { displayName, email, password }) {
  await page.goto('/register');
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Display name' }).fill(displayName);
  await main.getByRole('textbox', { name: 'Email address' }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Create account' }).click();
  await main.getByRole('heading', { name: 'Check your mail' }).waitFor();
}

scenario('register, find the verification mail in the Outbox, its link signs the account in', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const email = `e2e.verify.${suffix}@example.org`;
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await register(page, { displayName: `E2E Verify ${suffix}`, email, password: `e2e-password-${suffix}` });
  const main = page.getByRole('main');
  const heading = main.getByRole('heading', { name: 'Check your mail' });
  assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus moves to the message');
  await main.getByText(`We sent a message to ${email}.`, { exact: false }).waitFor();
  assert.equal(await isSignedIn(page), false, 'no session before the address is confirmed');

  // Outside production the page points to the Outbox, where the mail is.
  await main.getByRole('link', { name: 'Open the Outbox' }).waitFor();
  const mail = await openMail(page, email, 'Confirm your email address for Twinning');
  await mail.getByRole('heading', { name: `Welcome, E2E Verify ${suffix}` }).waitFor();
  await page
    .getByRole('main')
    .getByText(/You received this mail because someone registered a Twinning account with this address/)
    .first()
    .waitFor();
  const link = await mailLinkPath(mail, 'Confirm my address');
  assert.match(link, /^\/verify-email\?token=/);

  const tab = await followMailLink(page, mail, 'Confirm my address');
  await tab.getByRole('main').getByText('Your address is confirmed and you are signed in.').waitFor();
  await eventually(async () => assert.ok(await isSignedIn(tab)));
  assert.equal(await tab.getByRole('button', { name: 'Send the link again' }).count(), 0, 'no banner once verified');

  // The link is single use.
  const other = await newPage();
  await other.goto(link);
  await other
    .getByRole('main')
    .getByRole('alert')
    .filter({ hasText: 'This link is invalid, has expired or was already used.' })
    .waitFor();
  assert.equal(await isSignedIn(other), false);
});

scenario('forgot password: the reset link sets a new one and the old session is refused', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const email = `e2e.reset.${suffix}@example.org`;
  const oldPassword = `e2e-old-password-${suffix}`;
  const newPassword = `e2e-new-password-${suffix}`;

  // An account, verified through its mail; this browser keeps the session it opened.
  const outbox = await newPage();
  await register(outbox, { displayName: `E2E Reset ${suffix}`, email, password: oldPassword });
  const verification = await openMail(outbox, email, 'Confirm your email address for Twinning');
  const before = await followMailLink(outbox, verification, 'Confirm my address');
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

  // The reset mail, in the Outbox of this second browser; its link opens a tab there.
  const resetMail = await openMail(page, email, 'Reset your Twinning password');
  assert.match(await mailLinkPath(resetMail, 'Choose a new password'), /^\/reset-password\?token=/);
  const reset = await followMailLink(page, resetMail, 'Choose a new password');
  const resetForm = reset.getByRole('main');
  await resetForm.getByLabel('New password').fill(newPassword);
  await resetForm.getByRole('button', { name: 'Set my new password' }).click();
  await resetForm.getByText(/every session was signed out/).waitFor();
  await openMail(page, email, 'Your Twinning password was changed');

  // The session opened before the reset is refused: reloading finds it signed out.
  await before.reload();
  await before.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await isSignedIn(before), false);

  // The old password no longer works; the new one does.
  await reset.goto('/login');
  await resetForm.getByLabel('Email address').fill(email);
  await resetForm.getByLabel('Password', { exact: true }).fill(oldPassword);
  await resetForm.getByRole('button', { name: 'Log in' }).click();
  await resetForm.getByRole('alert').waitFor();
  assert.equal(await isSignedIn(reset), false);
  await logIn(reset, email, { password: newPassword });
});
