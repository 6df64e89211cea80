// @ts-check
/**
 * The header is one bar at every width: at 1280 and 390 px, in English, French and Arabic, for the admin
 * and a coordinator (the roles with the most entries), its height is one row and nothing in it overflows;
 * under about 900 px a menu button shows the sections. The account menu works with the keyboard alone.
 * Axe finds nothing with either menu open.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, DEMO, eventually, saveScreenshot, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/**
 * The bar's box and what sticks out of it: every visible item must sit in its single row, inside the
 * viewport, and the bar must not scroll sideways.
 * @param {Page} page
 */
function measureBar(page) {
  return page.evaluate(() => {
    const header = /** @type {HTMLElement} */ (document.querySelector('.site-header'));
    const inner = /** @type {HTMLElement} */ (header.querySelector('.site-header__inner'));
    const bar = header.getBoundingClientRect();
    const items = Array.from(
      header.querySelectorAll('.site-header__brand, .site-nav__toggle, .site-nav__list a, .site-nav__tools button'),
    )
      .filter((element) => !element.closest('[hidden]') && !element.closest('.site-nav__list[data-open]'))
      .map((element) => ({ text: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const outside = items
      .filter(
        ({ box }) =>
          box.top < bar.top - 1 || box.bottom > bar.bottom + 1 || box.left < -1 || box.right > innerWidth + 1,
      )
      .map(({ text }) => text);
    const sorted = [...items].sort((a, b) => a.box.left - b.box.left);
    const overlapping = sorted
      .slice(1)
      .filter((item, index) => item.box.left < /** @type {any} */ (sorted[index]).box.right - 1)
      .map(({ text }) => text);
    const tops = items.map(({ box }) => box.top + box.height / 2);
    return {
      height: bar.height,
      rowSpread: Math.max(...tops) - Math.min(...tops),
      outside,
      overlapping,
      scrolls: inner.scrollWidth - inner.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - innerWidth,
      compact: header.classList.contains('site-header--compact'),
      sections: header.querySelectorAll('.site-nav__list a').length,
    };
  });
}

for (const account of /** @type {const} */ (['admin', 'coordinatorToronto'])) {
  scenario(`the header stays one row for the ${account} at 1280 and 390 px in en, fr and ar`, async ({ newPage }) => {
    const page = await newPage({ viewport: SIZES[0], axe: true });
    await logIn(page, ACCOUNTS[account].email);
    await page.goto('/partnerships');
    await page.locator('#user-menu-button').waitFor();
    await restoringLanguage(page, 'en', async () => {
      for (const language of /** @type {const} */ (['en', 'fr', 'ar'])) {
        await chooseLanguage(page, language);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          // The header measures itself when its width changes (a ResizeObserver, before the next paint).
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          const bar = await measureBar(page);
          const where = `${account}, ${language}, ${size.width} px`;
          await saveScreenshot(page, `header-${account}-${language}-${size.width}`);
          assert.ok(bar.height <= 72, `${where}: the bar is one row (height ${bar.height} px)`);
          assert.ok(bar.rowSpread <= 8, `${where}: its items are on one line (spread ${bar.rowSpread} px)`);
          assert.deepEqual(bar.outside, [], `${where}: nothing sticks out of the bar (${JSON.stringify(bar)})`);
          assert.deepEqual(bar.overlapping, [], `${where}: nothing in the bar overlaps`);
          assert.ok(bar.scrolls <= 0, `${where}: the bar does not overflow (${bar.scrolls} px)`);
          assert.ok(bar.pageOverflow <= 0, `${where}: the page does not scroll sideways (${bar.pageOverflow} px)`);
          assert.ok(
            bar.sections >= (account === 'admin' ? 9 : 8),
            `${where}: all sections are there (${JSON.stringify(bar)})`,
          );
          if (size.width < 900) assert.ok(bar.compact, `${where}: the sections are behind the menu button`);
        }
        await page.setViewportSize(SIZES[0]);
      }
      // At 390 px the menu button shows the sections under the bar; Escape closes them.
      await page.setViewportSize(SIZES[1]);
      const toggle = page.locator('.site-nav__toggle');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const list = page.locator('#site-nav-list');
      await list.getByRole('link').first().waitFor();
      await axe(page, { name: `header-sections-${account}` });
      await page.keyboard.press('Escape');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.ok(await toggle.evaluate((element) => element === document.activeElement), 'focus is back on the button');
      await toggle.click();
      await list.locator('a[href="/visits"]').click();
      await page.waitForURL('**/visits');
      await eventually(async () =>
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'following a section closes the panel'),
      );
    });
  });
}

scenario('the account menu works with the keyboard alone', async ({ newPage }) => {
  const page = await newPage({ viewport: SIZES[0], axe: true });
  await logIn(page, ACCOUNTS.coordinatorToronto.email);
  const button = page.getByRole('button', { name: `Account menu: ${ACCOUNTS.coordinatorToronto.displayName}` });
  await button.focus();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  /** @returns {Promise<string>} */
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  await page.keyboard.press('ArrowDown');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await panel.waitFor();
  assert.equal(await focused(), 'Profile');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Notifications');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-picker');
  await axe(page, { name: 'account-menu' });
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.ok(await panel.isHidden());
  assert.ok(await button.evaluate((element) => element === document.activeElement), 'focus is back on the button');

  // Enter opens it; Tab goes to Profile; Enter follows the link and closes the menu.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Profile');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/profile');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
});

scenario(
  'the sections of the partnership and visit pages have addresses; the month view opens on a visit',
  async ({ newPage }) => {
    const page = await newPage({ viewport: SIZES[1], axe: true });
    await logIn(page, ACCOUNTS.coordinatorToronto.email);
    const main = page.getByRole('main');

    // The partnership: its old address still works and shows the menu, Overview current.
    await page.goto('/partnerships');
    await main.getByRole('link', { name: DEMO.torontoPenang }).click();
    await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    const base = new URL(page.url()).pathname;
    const menu = main.getByRole('navigation', { name: 'Sections of this partnership' });
    await menu.getByRole('link', { name: 'Activity' }).waitFor();
    await menu.getByRole('link', { name: 'Activity' }).waitFor();
    const names = (await menu.getByRole('link').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(names, ['Overview', 'Forum', 'Action plan', 'Visits', 'Workshops', 'Activity']);
    await eventually(async () =>
      assert.equal(await menu.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page'),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page fits 390 px (overflows by ${overflow} px)`);
    await axe(page, { name: 'partnership-sections' });

    // A section: its own address, current in the menu, its heading on screen and focused.
    await menu.getByRole('link', { name: 'Action plan' }).click();
    await page.waitForURL(`**${base}/plan`);
    await eventually(async () =>
      assert.equal(await menu.getByRole('link', { name: 'Action plan' }).getAttribute('aria-current'), 'page'),
    );
    await eventually(async () => {
      const top = await page.locator('#section-plan').evaluate((element) => element.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < 200, `the action plan is at the top of the screen (${top})`);
    });
    await menu.getByRole('link', { name: 'Activity' }).click();
    await page.waitForURL(`**${base}/activity`);

    // Back and forward move between the sections.
    await page.goBack();
    await page.waitForURL(`**${base}/plan`);
    await eventually(async () =>
      assert.equal(await menu.getByRole('link', { name: 'Action plan' }).getAttribute('aria-current'), 'page'),
    );
    await page.goForward();
    await page.waitForURL(`**${base}/activity`);
    await eventually(async () =>
      assert.equal(await menu.getByRole('link', { name: 'Activity' }).getAttribute('aria-current'), 'page'),
    );

    // Loaded directly; an unknown section goes back to the page.
    await page.goto(`${base}/visits`);
    await eventually(async () =>
      assert.equal(await menu.getByRole('link', { name: 'Visits' }).getAttribute('aria-current'), 'page'),
    );
    await page.goto(`${base}/nothing-here`);
    await page.waitForURL(`**${base}`);

    // A visit: overview, agenda, … with addresses.
    await page.goto('/visits?view=list');
    const visitLink = main.locator('a[href^="/visits/"]').filter({ hasNotText: 'Plan' }).first();
    await visitLink.click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    const visitMenu = main.getByRole('navigation', { name: 'Sections of this visit' });
    await visitMenu.getByRole('link', { name: 'Agenda' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}\/agenda$/);
    await eventually(async () =>
      assert.equal(await visitMenu.getByRole('link', { name: 'Agenda' }).getAttribute('aria-current'), 'page'),
    );
    await axe(page, { name: 'visit-sections' });

    // The month view, without a month in the address, shows the month of the next visit (not an empty one).
    await page.goto('/visits?view=month');
    await main.getByRole('grid').getByRole('link').first().waitFor();
  },
);
