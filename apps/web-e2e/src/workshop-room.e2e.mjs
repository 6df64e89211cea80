// @ts-check
/**
 * A live workshop room in three browsers: the demo facilitator and two registered participants (George
 * Town's and Rotterdam's coordinators) go from the workshop list (Live now) to the live demo workshop's
 * room. Each writes (one of them with the keyboard only) and all three see every message arrive without
 * reloading; the room's live region announces a message from someone else. The facilitator mutes the
 * first participant from the person menu in the people list: their composer is disabled and says for how long, while
 * the second still writes to everyone. The second asks a question, the (muted) first upvotes it and
 * everyone sees the vote; the facilitator marks it answered and the participants see it answered. axe on
 * the list, the workshop page and the room (English and Arabic). At the end the mute is lifted and the
 * facilitator's preferred language (Spanish) is given back, so that the test can run again.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  axe,
  eventually,
  expectSameDocument,
  markDocument,
  scenario,
  tabTo,
  uniqueSuffix,
} from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** The live public demo workshop (apps/api/src/database/seed/demo-workshops.ts), run by the facilitator. */
const LIVE_WORKSHOP = 'Mediation at the service desk: de-escalating tense conversations';

const FACILITATOR = ACCOUNTS.facilitator;
/** Registered for the live workshop; prefers English. */
const PARTICIPANT_1 = ACCOUNTS.coordinatorPenang;
/** Registered for the live workshop; prefers English. */
const PARTICIPANT_2 = ACCOUNTS.coordinatorRotterdam;

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Goes from the header's Workshops link to the Live now tab, and returns the live workshop's card.
 * @param {Page} page
 */
async function openLiveList(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops', exact: true }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
  await main.getByRole('navigation', { name: 'Workshops by time' }).getByRole('link', { name: 'Live now' }).click();
  await page.waitForURL((url) => url.pathname === '/workshops' && url.searchParams.get('when') === 'live');
  const card = main.getByRole('list', { name: 'Live now' }).getByRole('listitem').filter({ hasText: LIVE_WORKSHOP });
  await card.waitFor();
  return card;
}

/**
 * The room's parts, as a participant or facilitator sees them.
 * @param {Page} page
 */
function room(page) {
  const main = page.getByRole('main');
  const side = main.getByRole('region', { name: 'Room tools' });
  return {
    main,
    feed: main.getByRole('feed', { name: 'Conversation messages' }),
    composer: main.getByRole('form', { name: 'Write a message' }),
    input: main.getByRole('textbox', { name: 'Message', exact: true }),
    send: main.getByRole('button', { name: 'Send', exact: true }),
    /** @param {RegExp} name */
    tab: (name) => side.getByRole('tab', { name }),
    /** @param {RegExp} name */
    panel: (name) => side.getByRole('tabpanel', { name }),
  };
}

/**
 * Starts recording what the page's live regions (aria-live, status, alert) say, as a screen reader would
 * hear it: each region's text every time it changes. A live region holds only its latest announcement,
 * which the next one replaces, so the test checks the record rather than the region at one moment.
 * @param {Page} page
 */
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    /** @type {any} */
    const w = window;
    if (w.__e2eAnnounced) return;
    /** @type {string[]} */
    const heard = [];
    w.__e2eAnnounced = heard;
    /** @type {WeakMap<Element, string>} */
    const last = new WeakMap();
    const read = () => {
      for (const region of document.querySelectorAll(
        '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]',
      )) {
        const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text !== '' && last.get(region) !== text) heard.push(text);
        last.set(region, text);
      }
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * Waits until one of the page's live regions has said `text` (since `recordAnnouncements`).
 * @param {Page} page
 * @param {string | RegExp} text the whole announcement, or a pattern for it
 */
async function expectAnnounced(page, text) {
  await eventually(async () => {
    /** @type {string[]} */
    const heard = await page.evaluate(() => /** @type {any} */ (window).__e2eAnnounced ?? []);
    assert.ok(
      heard.some((said) => (typeof text === 'string' ? said === text : text.test(said))),
      `${page.url()} announced ${text}; heard: ${JSON.stringify(heard.slice(-8))}`,
    );
  });
}

/**
 * Waits until the room is open and everyone named is present (so the page has joined and follows the room).
 * @param {Page} page
 * @param {string[]} names
 */
async function expectPresent(page, names) {
  const people = room(page)
    .panel(/^People/)
    .getByRole('list', { name: /(person|people) here$/ });
  for (const name of names) {
    await people.getByRole('listitem').filter({ hasText: name }).waitFor();
  }
}

/**
 * Waits until the conversation shows the stored message (not a pending one) from `author` with `text`.
 * @param {Page} page
 * @param {string} author
 * @param {string} text
 */
async function expectMessage(page, author, text) {
  // A stored message is named by its author and time ("Nurul Aziz 14:05"); a pending one by "Sending…".
  const message = room(page)
    .feed.getByRole('article', { name: new RegExp(`^${escape(author)} \\d`) })
    .filter({ hasText: text });
  await message.waitFor();
  assert.equal(await message.count(), 1, `one message “${text}” from ${author} on ${page.url()}`);
}

/**
 * Sends a message with the composer (click and fill), and waits until the server stored it.
 * @param {Page} page
 * @param {string} author
 * @param {string} text
 */
async function sendMessage(page, author, text) {
  const { input, send } = room(page);
  await input.fill(text);
  await send.click();
  await expectMessage(page, author, text);
  assert.equal(await input.inputValue(), '', 'the composer is emptied');
}

/**
 * A question of the Q&A panel (the panel must be shown).
 * @param {Page} page
 * @param {string} text
 */
const question = (page, text) => room(page).panel(/^Q&A/).getByRole('listitem').filter({ hasText: text });

/**
 * Shows the Q&A panel.
 * @param {Page} page
 */
async function openQa(page) {
  await room(page).tab(/^Q&A/).click();
  await room(page).panel(/^Q&A/).waitFor();
}

scenario(
  'workshop room: three browsers live, mute, Q&A, keyboard, axe',
  async ({ newPage }) => {
    const suffix = uniqueSuffix();
    const said = {
      facilitator: `Welcome to today's room, everyone (${suffix}).`,
      p1: `Hello from George Town: our desk sees many frightened workers (${suffix}).`,
      p2: `Rotterdam here, typed with the keyboard only (${suffix}).`,
      p2AfterMute: `Rotterdam again: I can still write while Nurul is muted (${suffix}).`,
      p1AfterUnmute: `Thank you, I can write again (${suffix}).`,
    };
    const asked = `How do we keep calm when the caller shouts? (${suffix})`;

    // --- The facilitator (who prefers Spanish) opens the room from the list.
    const facilitator = await newPage({ axe: true });
    await logIn(facilitator, FACILITATOR.email);
    await restoringLanguage(facilitator, 'es', async () => {
      const liveCard = await openLiveList(facilitator);
      await liveCard.getByRole('link', { name: `Join the room: ${LIVE_WORKSHOP}`, exact: true }).click();
      await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}\/room$/);
      const roomUrl = new URL(facilitator.url()).pathname;
      const f = room(facilitator);
      await f.main.getByRole('heading', { level: 1, name: LIVE_WORKSHOP }).waitFor();
      await expectPresent(facilitator, [FACILITATOR.displayName]);

      // --- Participant 1, through the list and the workshop page; axe on both.
      const p1Page = await newPage({ axe: true });
      await logIn(p1Page, PARTICIPANT_1.email);
      const p1Card = await openLiveList(p1Page);
      await axe(p1Page, { name: 'workshops-live' });
      await p1Card.getByRole('link', { name: LIVE_WORKSHOP, exact: true }).click();
      const p1Main = p1Page.getByRole('main');
      await p1Main.getByRole('heading', { level: 1, name: LIVE_WORKSHOP }).waitFor();
      await p1Main.getByText('The room is open and your place is kept.').waitFor();
      await axe(p1Page, { name: 'workshop-live' });
      await p1Main.getByRole('link', { name: 'Join the room', exact: true }).click();
      await p1Page.waitForURL(`**${roomUrl}`);
      const p1 = room(p1Page);
      await p1.main.getByRole('heading', { level: 1, name: LIVE_WORKSHOP }).waitFor();
      await expectPresent(p1Page, [FACILITATOR.displayName, PARTICIPANT_1.displayName]);

      // --- Participant 2, the same way (a context that keeps the Content-Security-Policy).
      const p2Page = await newPage();
      await logIn(p2Page, PARTICIPANT_2.email);
      const p2Card = await openLiveList(p2Page);
      await p2Card.getByRole('link', { name: LIVE_WORKSHOP, exact: true }).click();
      const p2Main = p2Page.getByRole('main');
      await p2Main.getByRole('link', { name: 'Join the room', exact: true }).click();
      await p2Page.waitForURL(`**${roomUrl}`);
      const p2 = room(p2Page);
      await p2.main.getByRole('heading', { level: 1, name: LIVE_WORKSHOP }).waitFor();

      // Everyone is in the room and sees the others: from now on, nothing is reloaded.
      const everyone = [FACILITATOR.displayName, PARTICIPANT_1.displayName, PARTICIPANT_2.displayName];
      const pages = [facilitator, p1Page, p2Page];
      for (const page of pages) await expectPresent(page, everyone);
      const marks = await Promise.all(pages.map((page) => markDocument(page)));
      await Promise.all(pages.map((page) => recordAnnouncements(page)));

      // --- Each writes; all three see the three messages arrive.
      await sendMessage(facilitator, FACILITATOR.displayName, said.facilitator);
      await sendMessage(p1Page, PARTICIPANT_1.displayName, said.p1);
      // The facilitator's live region announces participant 1's message.
      await expectAnnounced(facilitator, `New message from ${PARTICIPANT_1.displayName}: ${said.p1}`);

      // Participant 2 writes with the keyboard only: Tab to the composer, type, Enter.
      const presses = await tabTo(p2Page, p2.input, { max: 80 });
      assert.ok(presses > 0, 'the composer was reached with Tab');
      await p2Page.keyboard.type(said.p2);
      await p2Page.keyboard.press('Enter');
      await expectMessage(p2Page, PARTICIPANT_2.displayName, said.p2);
      assert.equal(await p2.input.inputValue(), '', 'Enter sent the message and emptied the composer');
      assert.ok(
        await p2.input.evaluate((element) => element === document.activeElement),
        'the composer keeps the focus after sending',
      );

      for (const page of pages) {
        await expectMessage(page, FACILITATOR.displayName, said.facilitator);
        await expectMessage(page, PARTICIPANT_1.displayName, said.p1);
        await expectMessage(page, PARTICIPANT_2.displayName, said.p2);
      }

      // --- The facilitator mutes participant 1 for five minutes from the person menu in the people list.
      await f.tab(/^People/).click();
      const p1Row = f
        .panel(/^People/)
        .getByRole('listitem')
        .filter({ hasText: PARTICIPANT_1.displayName });
      const p1Menu = () => p1Row.getByRole('button', { name: `Actions for ${PARTICIPANT_1.displayName}` }).click();
      await p1Menu();
      await facilitator.getByRole('menuitem', { name: 'Mute for 5 minutes' }).click();
      await p1Row.getByText(/^Muted · [45] min/).waitFor();
      await expectAnnounced(facilitator, `${PARTICIPANT_1.displayName} is muted for 5 minutes.`);
      await f.tab(/^Moderation/).click();
      await axe(facilitator, { name: 'room-moderation' });

      // Participant 1's composer shows the mute, with the time left, and cannot send.
      const muteState = p1.composer.getByText(/^You are muted for [45] min(, \d+ sec)?\.$/);
      await muteState.waitFor();
      await expectAnnounced(p1Page, /^A facilitator muted you for [45] min(, \d+ sec)?\.$/);
      assert.equal(await p1.input.isDisabled(), true, 'the muted participant cannot type');
      assert.equal(await p1.send.isDisabled(), true, 'the muted participant cannot send');
      assert.match(
        (await p1.input.getAttribute('aria-describedby')) ?? '',
        new RegExp(`\\b${escape((await muteState.getAttribute('id')) ?? '-')}\\b`),
        'the composer is described by the mute',
      );
      // Even forced, a send attempt goes nowhere: the field does not take text.
      await assert.rejects(p1.input.fill('Let me speak!', { timeout: 500 }));
      assert.equal(await p1.input.inputValue(), '');
      await axe(p1Page, { name: 'room-muted' });

      // Participant 2 still writes, and everyone (the muted participant too) sees it.
      await sendMessage(p2Page, PARTICIPANT_2.displayName, said.p2AfterMute);
      await expectMessage(facilitator, PARTICIPANT_2.displayName, said.p2AfterMute);
      await expectMessage(p1Page, PARTICIPANT_2.displayName, said.p2AfterMute);
      assert.equal(
        await p1.feed.getByRole('article').filter({ hasText: 'Let me speak!' }).count(),
        0,
        'nothing was sent by the muted participant',
      );

      // --- Participant 2 asks a question; everyone sees it.
      await Promise.all([openQa(facilitator), openQa(p1Page), openQa(p2Page)]);
      const qa2 = p2.panel(/^Q&A/);
      await qa2.getByRole('textbox', { name: 'Ask a question' }).fill(asked);
      await qa2.getByRole('button', { name: 'Ask', exact: true }).click();
      await expectAnnounced(p2Page, 'Your question was posted.');
      for (const page of pages) {
        await question(page, asked).getByText(`Asked by ${PARTICIPANT_2.displayName}`).waitFor();
        await question(page, asked).getByText('0 votes', { exact: true }).waitFor();
      }

      // Participant 1 (muted, but votes are allowed) upvotes it; the count reaches the others live.
      const upvote = question(p1Page, asked).getByRole('button', { name: 'Upvote', exact: true });
      assert.equal(await upvote.getAttribute('aria-pressed'), 'false');
      await upvote.click();
      await eventually(async () => assert.equal(await upvote.getAttribute('aria-pressed'), 'true'));
      for (const page of pages) await question(page, asked).getByText('1 vote', { exact: true }).waitFor();
      assert.equal(
        await question(p2Page, asked).getByRole('button', { name: 'Upvote' }).getAttribute('aria-pressed'),
        'false',
        'the vote is participant 1’s, not participant 2’s',
      );

      // --- The facilitator marks it answered; the participants see it among the answered questions.
      await question(facilitator, asked).getByRole('button', { name: 'Mark answered' }).click();
      await expectAnnounced(facilitator, 'Question marked answered.');
      for (const page of [p1Page, p2Page]) {
        const qa = room(page).panel(/^Q&A/);
        const answered = qa.getByRole('list', { name: /answered questions?$/ });
        await answered.getByRole('listitem').filter({ hasText: asked }).waitFor();
        await eventually(async () =>
          assert.equal(
            await qa
              .getByRole('list', { name: /open questions?$/ })
              .getByText(asked)
              .count(),
            0,
          ),
        );
        assert.equal(
          await answered.getByRole('listitem').filter({ hasText: asked }).getByRole('button').count(),
          0,
          'an answered question takes no more votes',
        );
      }

      // --- axe on the room in English, then in Arabic (right to left) for participant 1.
      await axe(p1Page, { name: 'room-qa' });
      await restoringLanguage(p1Page, 'en', async () => {
        await chooseLanguage(p1Page, 'ar');
        // Names are translated now: the conversation is the room's only feed.
        await p1.main.getByRole('feed').getByRole('article').filter({ hasText: said.p2AfterMute }).waitFor();
        await axe(p1Page, { name: 'room-qa' });
      });

      // --- The facilitator lifts the mute; participant 1 can write again, and everyone sees it.
      await f.tab(/^People/).click();
      await p1Menu();
      await facilitator.getByRole('menuitem', { name: 'Unmute' }).click();
      await expectAnnounced(facilitator, `${PARTICIPANT_1.displayName} can write again.`);
      await expectAnnounced(p1Page, 'You can write again.');
      await eventually(async () => assert.equal(await p1.input.isDisabled(), false));
      assert.equal(await muteState.count(), 0, 'the mute is no longer shown');
      await sendMessage(p1Page, PARTICIPANT_1.displayName, said.p1AfterUnmute);
      for (const page of pages) await expectMessage(page, PARTICIPANT_1.displayName, said.p1AfterUnmute);

      // Nothing above needed a reload.
      for (const [index, page] of pages.entries()) await expectSameDocument(page, marks[index] ?? '');
    });
  },
  { timeout: 90_000 },
);
