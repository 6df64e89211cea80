// @ts-check
/**
 * The live room behaves like a chat, in two browsers: the demo facilitator on a laptop (1280x800) and a
 * registered participant (George Town's coordinator) on a phone (390x844).
 *
 * - On entry, at both sizes, the newest message and the composer are inside the window, and the page
 *   itself does not scroll (only the message list does); on the phone the conversation, People and Q&A
 *   are tabs.
 * - The participant scrolls up to read: a message arriving then does not move the list, a "1 new message"
 *   pill appears, and the pill brings them back to the newest message (and goes away).
 * - The participant writes with the keyboard only (Tab to the composer, Enter) and reaches the tabs; a
 *   message arriving while People is shown is counted on the Chat tab.
 * - The facilitator mutes the participant from the person menu in the people list, with the keyboard only
 *   (Tab to the menu button, Enter, ArrowDown, Enter); the menu stays inside the window at 1280 and at 390
 *   px. The participant's composer, Q&A box and hand raise are disabled and say how long the mute lasts.
 * - axe on both rooms, in English and (the participant's, muted) in Arabic. Screenshots of both sizes in
 *   English and Arabic go to apps/web-e2e/artifacts/. At the end the mute is lifted from the menu on the
 *   participant's message, and the languages are given back, so the test can run again.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, eventually, saveScreenshot, scenario, tabTo, uniqueSuffix } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** The live public demo workshop (apps/api/src/database/seed/demo-workshops.ts), run by the facilitator. */
const LIVE_WORKSHOP = 'Mediation at the service desk: de-escalating tense conversations';
const FACILITATOR = ACCOUNTS.facilitator;
/** Registered for the live workshop; prefers English. */
const PARTICIPANT = ACCOUNTS.coordinatorPenang;

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/**
 * Opens the live workshop's room from the workshop list.
 * @param {Page} page
 */
async function openRoom(page) {
  await page.goto('/workshops?when=live');
  const main = page.getByRole('main');
  await main.getByRole('link', { name: `Join the room: ${LIVE_WORKSHOP}`, exact: true }).click();
  await page.waitForURL(/\/workshops\/[0-9a-f-]{36}\/room$/);
  await main.getByRole('heading', { level: 1, name: LIVE_WORKSHOP }).waitFor();
  await room(page).feed.getByRole('article').first().waitFor();
}

/**
 * Presses Shift+Tab until `target` has the focus (keyboard only, backwards); the number of presses.
 * @param {Page} page
 * @param {Locator} target
 */
async function shiftTabTo(page, target, max = 40) {
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
    await page.keyboard.press('Shift+Tab');
  }
  return assert.fail(`${target} was not reached with ${max} presses of Shift+Tab`);
}

/** @param {Page} page */
function room(page) {
  const main = page.getByRole('main');
  const tools = main.getByRole('region', { name: 'Room tools' });
  return {
    main,
    scroller: main.getByRole('region', { name: 'Messages', exact: true }),
    feed: main.getByRole('feed', { name: 'Conversation messages' }),
    input: main.getByRole('textbox', { name: 'Message', exact: true }),
    /** @param {RegExp} name */
    tab: (name) => tools.getByRole('tab', { name }),
    /** @param {RegExp} name */
    panel: (name) => tools.getByRole('tabpanel', { name }),
    pill: main.getByRole('button', { name: /^\d+ new messages?$/ }),
  };
}

/**
 * The box of an element in the window (fails when it is not laid out).
 * @param {Locator} locator
 */
async function box(locator) {
  const rect = await locator.boundingBox();
  assert.ok(rect, `${locator} is laid out`);
  return rect;
}

/**
 * The newest message of the conversation (the lowest one in the list).
 * @param {Page} page
 */
async function newestMessage(page) {
  // the room's only feed, whatever the language; measured in one step, since the virtualised list
  // may add or drop rows between two separate reads
  const articles = page.getByRole('main').getByRole('feed').getByRole('article');
  const rows = await articles.evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    }),
  );
  assert.ok(rows.length > 0, 'the conversation shows messages');
  return rows.reduce((lowest, row) => (row.y > lowest.y ? row : lowest));
}

/**
 * The composer and the newest message are inside the window, the message above the composer, and the
 * page does not scroll (only the list does).
 * @param {Page} page
 * @param {string} [text] the newest message's text, when known
 */
async function expectChatInView(page, text) {
  const { height } = page.viewportSize() ?? LAPTOP;
  await eventually(async () => {
    // the composer's field, whatever the language
    const composer = await box(page.getByRole('main').locator('.room-composer textarea'));
    const newest = await newestMessage(page);
    if (text) assert.match(newest.text, new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const message = newest;
    assert.ok(
      composer.y >= 0 && composer.y + composer.height <= height,
      `the composer is in the window (${page.url()})`,
    );
    assert.ok(message.y >= 0, 'the newest message starts inside the window');
    assert.ok(message.y + message.height <= composer.y + 1, 'the newest message ends above the composer');
    const pageScroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(pageScroll <= 1, `the page itself does not scroll (by ${pageScroll}px)`);
  });
}

/**
 * A menu drawn inside the window.
 * @param {Page} page
 * @param {Locator} menu
 */
async function expectInWindow(page, menu) {
  await menu.waitFor();
  const { width, height } = page.viewportSize() ?? LAPTOP;
  const rect = await box(menu);
  assert.ok(rect.x >= 0 && rect.x + rect.width <= width, `the menu fits the window's width (${JSON.stringify(rect)})`);
  assert.ok(
    rect.y >= 0 && rect.y + rect.height <= height,
    `the menu fits the window's height (${JSON.stringify(rect)})`,
  );
}

scenario(
  'workshop room as chat: full height at 1280 and 390, new-messages pill, person menu mute, keyboard, axe',
  async ({ newPage }) => {
    const suffix = uniqueSuffix();
    const said = {
      hello: `Hello from the phone, typed with the keyboard (${suffix}).`,
      whileAway: `A message while Nurul looks at who is here (${suffix}).`,
      whileReading: `A message while Nurul reads older ones (${suffix}).`,
    };

    const facilitator = await newPage({ axe: true, viewport: LAPTOP });
    await logIn(facilitator, FACILITATOR.email);
    await restoringLanguage(facilitator, 'es', async () => {
      await openRoom(facilitator);
      const f = room(facilitator);

      const phone = await newPage({ axe: true, viewport: PHONE, hasTouch: true });
      await logIn(phone, PARTICIPANT.email);
      await openRoom(phone);
      const p = room(phone);

      // A run that stopped half-way may have left the participant muted: the facilitator lifts it first.
      await f.tab(/^People/).click();
      const row = f
        .panel(/^People/)
        .getByRole('listitem')
        .filter({ hasText: PARTICIPANT.displayName });
      if (await row.getByText(/^Muted · /).count()) {
        await row.getByRole('button', { name: `Actions for ${PARTICIPANT.displayName}` }).click();
        await facilitator.getByRole('menuitem', { name: 'Unmute' }).click();
        await eventually(async () => assert.equal(await p.input.isDisabled(), false));
      }

      // --- On entry: the newest message and the composer are in view, at both sizes.
      await expectChatInView(facilitator);
      await expectChatInView(phone);
      // On the phone the conversation and the tools are tabs; the conversation is shown first.
      assert.equal(await p.tab(/^Chat$/).getAttribute('aria-selected'), 'true');
      await p.tab(/^People/).waitFor();
      await p.tab(/^Q&A/).waitFor();
      await saveScreenshot(facilitator, 'room-chat-1280-en');
      await saveScreenshot(phone, 'room-chat-390-en');

      // --- The participant writes with the keyboard only, and it is the newest message in view.
      await tabTo(phone, p.input, { max: 60 });
      await phone.keyboard.type(said.hello);
      await phone.keyboard.press('Enter');
      await expectChatInView(phone, said.hello);
      await expectChatInView(facilitator, said.hello);
      // The tabs take the arrow keys: from Chat to People and back, with the keyboard.
      await shiftTabTo(phone, p.tab(/^Chat$/), 60);
      await phone.keyboard.press('ArrowRight');
      await eventually(async () => assert.equal(await p.tab(/^People/).getAttribute('aria-selected'), 'true'));
      await p
        .panel(/^People/)
        .getByText(FACILITATOR.displayName)
        .waitFor();
      // A message arriving meanwhile is counted on the Chat tab.
      await f.input.fill(said.whileAway);
      await f.input.press('Enter');
      await p.tab(/^Chat \(1 new\)$/).waitFor();
      await phone.keyboard.press('ArrowLeft');
      await eventually(async () => assert.equal(await p.tab(/^Chat$/).getAttribute('aria-selected'), 'true'));
      // Shift+Tab went up through the messages' menu buttons, and the list followed the focus up: the
      // new message waits behind the pill, which takes the reader back to the newest.
      await p.pill.waitFor();
      await p.pill.click();
      await expectChatInView(phone, said.whileAway);

      // --- The participant scrolls up to read; a new message does not move the list but shows a pill.
      await p.scroller.evaluate((element) => element.scrollTo({ top: 0 }));
      await eventually(async () => assert.ok((await p.scroller.evaluate((element) => element.scrollTop)) < 10));
      assert.equal(await p.pill.count(), 0, 'no pill before anything new arrives');
      await f.input.fill(said.whileReading);
      await f.input.press('Enter');
      await p.pill.waitFor();
      assert.equal(await p.pill.textContent(), '1 new message');
      assert.ok((await p.scroller.evaluate((element) => element.scrollTop)) < 10, 'the list stayed where it was');
      await p.pill.click();
      await expectChatInView(phone, said.whileReading);
      await eventually(async () => assert.equal(await p.pill.count(), 0, 'the pill goes once at the newest'));

      // --- The facilitator mutes the participant from the person menu, with the keyboard only.
      await f.tab(/^People/).click();
      const people = f.panel(/^People/);
      await people.getByRole('listitem').filter({ hasText: PARTICIPANT.displayName }).waitFor();
      const personToggle = people.getByRole('button', { name: `Actions for ${PARTICIPANT.displayName}` });
      await tabTo(facilitator, personToggle, { max: 80 });
      await facilitator.keyboard.press('Enter');
      const personMenu = facilitator.getByRole('menu', { name: `Actions for ${PARTICIPANT.displayName}` });
      await personMenu.waitFor();
      await expectInWindow(facilitator, personMenu);
      const items = personMenu.getByRole('menuitem');
      assert.deepEqual(await items.allTextContents(), [
        'Mute for 5 minutes',
        'Mute for 15 minutes',
        'Mute for 1 hour',
        'Remove from the workshop',
      ]);
      await eventually(async () =>
        assert.equal(await items.first().evaluate((element) => element === document.activeElement), true),
      );
      await axe(facilitator, { name: 'room-person-menu' });
      await facilitator.keyboard.press('ArrowDown');
      await facilitator.keyboard.press('Enter');
      await eventually(async () => assert.equal(await personMenu.count(), 0, 'the menu closed'));
      assert.ok(
        await personToggle.evaluate((element) => element === document.activeElement),
        'the focus is back on the menu button',
      );
      await people
        .getByRole('listitem')
        .filter({ hasText: PARTICIPANT.displayName })
        .getByText(/^Muted · 1[45] min/)
        .waitFor();

      // --- The participant's three inputs are disabled, each saying how long the mute lasts.
      const mutedFor = /^You are muted for 1[45] min(, \d+ sec)?\.$/;
      await eventually(async () => assert.equal(await p.input.isDisabled(), true, 'the composer is disabled'));
      await p.main.getByRole('form', { name: 'Write a message' }).getByText(mutedFor).waitFor();
      await p.tab(/^Q&A/).click();
      const ask = p.panel(/^Q&A/).getByRole('textbox', { name: 'Ask a question' });
      assert.equal(await ask.isDisabled(), true, 'the Q&A box is disabled');
      assert.equal(await p.panel(/^Q&A/).getByRole('button', { name: 'Ask', exact: true }).isDisabled(), true);
      await p.panel(/^Q&A/).getByText(mutedFor).waitFor();
      await p.tab(/^People/).click();
      const hand = p.panel(/^People/).getByRole('button', { name: 'Raise my hand' });
      assert.equal(await hand.isDisabled(), true, 'the hand raise is disabled');
      await p
        .panel(/^People/)
        .getByText(mutedFor)
        .waitFor();
      // the time left counts down
      const before = await p
        .panel(/^People/)
        .getByText(mutedFor)
        .textContent();
      await eventually(async () =>
        assert.notEqual(
          await p
            .panel(/^People/)
            .getByText(mutedFor)
            .textContent(),
          before,
        ),
      );
      await saveScreenshot(phone, 'room-chat-390-en-muted');
      await axe(phone, { name: 'room-muted-phone' });

      // --- Arabic, right to left, on the phone (muted) and on the laptop.
      await restoringLanguage(phone, 'en', async () => {
        await chooseLanguage(phone, 'ar');
        await p.main.getByRole('tab', { name: /^المحادثة$/ }).click();
        await expectChatInView(phone);
        await saveScreenshot(phone, 'room-chat-390-ar');
        await axe(phone, { name: 'room-phone-ar' });
      });
      await chooseLanguage(facilitator, 'ar');
      await expectChatInView(facilitator);
      await saveScreenshot(facilitator, 'room-chat-1280-ar');
      await axe(facilitator, { name: 'room-laptop-ar' });
      await chooseLanguage(facilitator, 'en');

      // --- At 390 px too, the facilitator's menu on the participant's message fits the window; it unmutes.
      await facilitator.setViewportSize(PHONE);
      await f.tab(/^Chat$/).click();
      const message = f.feed.getByRole('article').filter({ hasText: said.hello });
      await message.getByRole('button', { name: `Actions for the message from ${PARTICIPANT.displayName}` }).click();
      const messageMenu = facilitator.getByRole('menu', {
        name: `Actions for the message from ${PARTICIPANT.displayName}`,
      });
      await expectInWindow(facilitator, messageMenu);
      await messageMenu
        .getByRole('group', { name: PARTICIPANT.displayName })
        .getByRole('menuitem', { name: 'Unmute' })
        .click();
      await eventually(async () => assert.equal(await p.input.isDisabled(), false, 'the participant may write again'));
      await p.tab(/^Q&A/).click();
      assert.equal(await ask.isDisabled(), false);
    });
  },
  { timeout: 120_000 },
);
