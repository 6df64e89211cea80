// @ts-check
/**
 * Keyboard only: the skip link comes first, leads to the main content, and the login form works with
 * Tab, typing and Enter; the email notification settings are radio groups worked with the arrow keys,
 * whose "Saved" is announced inside the group that changed.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, DEMO_PASSWORD, eventually, scenario, tabTo } from './support.mjs';
import { logIn } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

/**
 * A description of the focused element: tag, id, name, accessible text.
 * @param {Page} page
 */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', id: '', name: '', text: '', type: '' };
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim(),
      type: el.getAttribute('type') ?? '',
    };
  });
}

scenario('keyboard only: skip link first, then log in with Tab, typing and Enter', async ({ newPage }) => {
  const page = await newPage();
  await page.goto('/login');
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  // Wait until the header is complete (the anonymous session is known), so that the tab order is final.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).waitFor();
  assert.equal((await focused(page)).tag, 'body', 'nothing has focus after the page load');

  // The first Tab reaches the skip link, which is then visible.
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page).then(({ tag, text }) => ({ tag, text })), {
    tag: 'a',
    text: 'Skip to main content',
  });
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.ok(await skip.isVisible(), 'the focused skip link is visible');
  const box = await skip.boundingBox();
  assert.ok(
    box && box.width > 1 && box.height > 1 && box.y >= 0,
    `the skip link is on screen (${JSON.stringify(box)})`,
  );

  // Enter follows it: focus moves to <main>.
  await page.keyboard.press('Enter');
  await eventually(async () =>
    assert.deepEqual(await focused(page).then(({ tag, id }) => ({ tag, id })), { tag: 'main', id: 'main' }),
  );

  // From <main>, Tab goes to the e-mail field, then the password field.
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page).then(({ tag, name }) => ({ tag, name })), { tag: 'input', name: 'email' });
  await page.keyboard.type(ACCOUNTS.coordinatorPenang.email);
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page).then(({ tag, name }) => ({ tag, name })), { tag: 'input', name: 'password' });
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');

  // Signed in: the app goes on to the user's home and moves focus to its heading.
  await page.waitForURL((url) => url.pathname === '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: `Account menu: ${ACCOUNTS.coordinatorPenang.displayName}` }).waitFor();
  await eventually(async () =>
    assert.deepEqual(await focused(page).then(({ tag, text }) => ({ tag, text })), {
      tag: 'h1',
      text: `Welcome back, ${ACCOUNTS.coordinatorPenang.displayName}`,
    }),
  );
  assert.equal(await main.getByRole('textbox', { name: 'Email address' }).count(), 0);
});

scenario(
  'keyboard only: choose how a kind of notification is mailed, and hear that it was saved',
  async ({ newPage }) => {
    const page = await newPage();
    await logIn(page, ACCOUNTS.member.email);
    await page.goto('/profile');
    const section = page.getByRole('main').getByRole('region', { name: 'Email notifications' });
    const group = section.getByRole('group', { name: 'Replies in threads you watch' });
    const daily = group.getByRole('radio', { name: 'Daily digest' });
    const weekly = group.getByRole('radio', { name: 'Weekly digest' });
    // The demo member keeps the default (daily digest); a radio group is one stop in the tab order.
    await tabTo(page, daily, { max: 80 });
    assert.ok(await daily.isChecked());
    const ring = await daily.evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
    });
    assert.ok(!/^none 0px none$/.test(ring), `the focused radio shows where focus is (${ring})`);

    await page.keyboard.press('ArrowRight');
    const status = group.getByRole('status');
    await eventually(async () =>
      assert.equal(await status.textContent(), '“Replies in threads you watch”: Weekly digest. Saved.'),
    );
    assert.ok(await weekly.isChecked());
    assert.ok(await weekly.evaluate((el) => el === document.activeElement), 'focus stays on the chosen radio');

    // Back to the default, for the other tests that use this account.
    await page.keyboard.press('ArrowLeft');
    await eventually(async () =>
      assert.equal(await status.textContent(), '“Replies in threads you watch”: Daily digest. Saved.'),
    );
    assert.ok(await daily.isChecked());
  },
);
