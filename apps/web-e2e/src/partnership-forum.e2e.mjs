// @ts-check
/**
 * The partnership journey, live: Rotterdam's coordinator (a traditional city of immigration) proposes a
 * partnership to George Town (Penang, an emerging one); Penang's coordinator, already on another page,
 * sees the notification arrive without reloading, opens it and accepts; then both write in the
 * partnership's forum and each sees the other's posts appear without reloading. Markdown is rendered
 * (bold, links with rel="nofollow"), HTML in a post is shown as text. axe on the partnership, thread and
 * notifications pages, in English and Arabic. At the end the partnership is concluded, so that the pair
 * of cities is free again for the next run.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  DEMO,
  axe,
  eventually,
  expectSameDocument,
  markDocument,
  scenario,
  uniqueSuffix,
  watchRealtime,
} from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage, unreadNotifications } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const ROTTERDAM = 'Rotterdam';
const PENANG = DEMO.penang;

/**
 * The id at the end of the page's path (/partnerships/:id, /forums/:id, /threads/:id).
 * @param {Page} page
 */
function idInPath(page) {
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  assert.match(id, /^[0-9a-f-]{36}$/, `an id in ${page.url()}`);
  return id;
}

/**
 * The post with this number in the thread on screen.
 * @param {Page} page
 * @param {number} seq
 */
const post = (page, seq) => page.locator(`main article#post-${seq}`);

scenario(
  'a proposal arrives live, is accepted, and both cities talk in the partnership forum without reloading',
  async ({ newPage }) => {
    const suffix = uniqueSuffix();
    const title = `Rotterdam – George Town: Port Newcomers ${suffix}`;
    const threadTitle = `First steps for port newcomers ${suffix}`;

    // --- Penang's coordinator is signed in and reading their notifications (axe may run in this browser).
    const penang = await newPage({ axe: true });
    const penangLive = watchRealtime(penang);
    await logIn(penang, ACCOUNTS.coordinatorPenang.email);
    await penang.goto('/notifications');
    const penangMain = penang.getByRole('main');
    await penangMain.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await penangMain
      .getByRole('status')
      .filter({ hasText: /unread notifications?$/ })
      .waitFor();
    await penangLive.ready();
    const penangMark = await markDocument(penang);
    const unreadBefore = await unreadNotifications(penang);

    // --- Rotterdam's coordinator proposes the partnership.
    const rotterdam = await newPage();
    const rotterdamLive = watchRealtime(rotterdam);
    await logIn(rotterdam, ACCOUNTS.coordinatorRotterdam.email);
    await rotterdam.goto('/partnerships/new');
    const main = rotterdam.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Propose a partnership' }).waitFor();
    await rotterdamLive.ready();
    const rotterdamMark = await markDocument(rotterdam);
    assert.equal(
      await main.getByRole('combobox', { name: 'On behalf of' }).locator('option:checked').innerText(),
      ROTTERDAM,
    );
    const picker = main.getByRole('group', { name: 'City to invite' });
    await picker.getByRole('searchbox', { name: 'Search the city directory' }).fill('Penang');
    await picker.getByRole('status').filter({ hasText: '1 city found' }).waitFor();
    await picker.getByRole('radio', { name: new RegExp(`^${PENANG.replace(/[()]/g, '\\$&')}`) }).check();
    await main.getByRole('textbox', { name: 'Title (optional)' }).fill(title);
    const themes = main.getByRole('group', { name: 'Themes' });
    await themes.getByRole('checkbox', { name: 'Employment' }).check();
    await themes.getByRole('checkbox', { name: 'Integration' }).check();
    await main
      .getByRole('textbox', { name: 'Goals' })
      .fill('Help people who arrive to work in both ports: language at work, housing near the docks.');
    await main
      .getByRole('textbox', { name: 'Message (optional)' })
      .fill('Two port cities with new workers every month: shall we compare notes?');
    await main.getByRole('button', { name: 'Send the proposal' }).click();

    await main.getByRole('heading', { level: 1, name: title }).waitFor();
    await main
      .getByRole('status')
      .filter({ hasText: 'Your proposal was sent. The coordinators of the invited city have been notified.' })
      .waitFor();
    const partnershipId = idInPath(rotterdam);
    assert.match(await main.locator('.partnership__status').innerText(), /Proposed/);

    // --- Penang, without reloading: the bell's count rises, the notification tops the list and is announced.
    const sentence = `${ACCOUNTS.coordinatorRotterdam.displayName} (${ROTTERDAM}) invited ${PENANG} into the partnership “${title}”`;
    await eventually(async () => assert.equal(await unreadNotifications(penang), unreadBefore + 1));
    const list = penangMain.getByRole('list', { name: 'Your notifications' });
    const arrived = list.getByRole('listitem').first();
    await arrived.getByRole('link', { name: sentence, exact: true }).waitFor();
    assert.match(await arrived.innerText(), /^\s*Unread:/, 'the new notification is marked unread');
    await penang
      .getByRole('status')
      .filter({ hasText: `New notification: ${sentence}` })
      .waitFor();
    await penangMain
      .getByRole('status')
      .filter({ hasText: `${unreadBefore + 1} unread notification` })
      .waitFor();
    await expectSameDocument(penang, penangMark);
    await axe(penang, { name: 'notifications-live' });

    // --- Penang opens it (it is then read) and accepts on behalf of George Town.
    await arrived.getByRole('link', { name: sentence, exact: true }).click();
    await penang.waitForURL(`**/partnerships/${partnershipId}`);
    await penangMain.getByRole('heading', { level: 1, name: title }).waitFor();
    await eventually(async () => assert.equal(await unreadNotifications(penang), unreadBefore));
    const decision = penangMain.getByRole('region', { name: `Awaiting your decision for ${PENANG}` });
    assert.match(await decision.innerText(), /Two port cities with new workers every month/);
    await decision.getByRole('button', { name: `Accept on behalf of ${PENANG}` }).click();
    await penangMain
      .getByRole('status')
      .filter({ hasText: `You accepted the invitation on behalf of ${PENANG}: it is now a member of “${title}”.` })
      .waitFor();
    await eventually(async () => assert.match(await penangMain.locator('.partnership__status').innerText(), /Active/));
    assert.equal(await decision.count(), 0, 'the decision is no longer asked for');
    await axe(penang, { name: 'partnership-accepted' });

    // --- Rotterdam's page follows: the partnership is active, and the acceptance is announced.
    await eventually(async () => assert.match(await main.locator('.partnership__status').innerText(), /Active/));
    const accepted = `${ACCOUNTS.coordinatorPenang.displayName} accepted the invitation of ${PENANG} to the partnership “${title}”`;
    await rotterdam
      .getByRole('status')
      .filter({ hasText: `New notification: ${accepted}` })
      .waitFor();
    await expectSameDocument(rotterdam, rotterdamMark);

    // --- Penang waits in the partnership's forum; Rotterdam starts a thread there.
    await penangMain.getByRole('link', { name: 'Open the partnership forum' }).click();
    await penangMain.getByRole('heading', { level: 1, name: title }).waitFor();
    const forumId = idInPath(penang);
    await penangMain.getByRole('status').filter({ hasText: '0 threads shown' }).waitFor();
    await penangLive.following('forum', forumId);

    await main.getByRole('link', { name: 'Open the partnership forum' }).click();
    await rotterdam.waitForURL(`**/forums/${forumId}`);
    await main.locator('summary').filter({ hasText: 'New thread' }).click();
    await main.getByRole('textbox', { name: 'Title', exact: true }).fill(threadTitle);
    await main
      .getByRole('textbox', { name: 'First post' })
      .fill(
        `Welcome! **Port workers** come first. Our plan is [on the port site](https://example.org/port-plan).\n\n` +
          `<script>window.__e2eInjected = true</script> <img src="x" onerror="window.__e2eInjected = true">`,
      );
    await main.getByRole('button', { name: 'Create thread' }).click();
    await main.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    const threadId = idInPath(rotterdam);
    await post(rotterdam, 1).waitFor();
    await rotterdamLive.following('thread', threadId);

    // --- Penang sees the thread appear in the list, and opens it.
    const threadLink = penangMain.getByRole('link', { name: threadTitle, exact: true });
    await threadLink.waitFor();
    await penangMain.getByRole('status').filter({ hasText: '1 thread shown' }).waitFor();
    await threadLink.click();
    await penangMain.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await penangLive.following('thread', threadId);

    // Markdown is rendered, links get rel="nofollow", and HTML stays text: nothing ran, no <img> was made.
    const first = post(penang, 1);
    await first.waitFor();
    assert.equal(await first.locator('.post__body strong').innerText(), 'Port workers');
    const link = first.locator('.post__body').getByRole('link', { name: 'on the port site' });
    assert.equal(await link.getAttribute('href'), 'https://example.org/port-plan');
    assert.match((await link.getAttribute('rel')) ?? '', /\bnofollow\b/);
    assert.match(await first.locator('.post__body').innerText(), /<script>window\.__e2eInjected = true<\/script>/);
    assert.equal(await first.locator('.post__body script, .post__body img').count(), 0);
    assert.equal(await penang.evaluate(() => /** @type {any} */ (window).__e2eInjected ?? null), null);

    // --- Penang replies; Rotterdam sees the reply arrive.
    const penangReply = `Thank you, Pieter! Our mobile desk could visit the docks on Sundays (${suffix}).`;
    await penangMain.getByRole('textbox', { name: 'Reply', exact: true }).fill(penangReply);
    await penangMain.getByRole('button', { name: 'Post reply' }).click();
    await post(penang, 2).getByText(penangReply).waitFor();

    await post(rotterdam, 2).getByText(penangReply).waitFor();
    assert.match(await post(rotterdam, 2).getByRole('heading').innerText(), /Nurul Aziz/);
    await rotterdam.getByRole('status').filter({ hasText: 'New reply from Nurul Aziz' }).waitFor();

    // --- Rotterdam answers; Penang sees it arrive.
    const rotterdamReply = `Yes please — _Sundays_ suit our harbour office too (${suffix}).`;
    await main.getByRole('textbox', { name: 'Reply', exact: true }).fill(rotterdamReply);
    await main.getByRole('button', { name: 'Post reply' }).click();
    await post(rotterdam, 3).waitFor();

    const third = post(penang, 3);
    await third.getByText(/Yes please — Sundays suit our harbour office too/).waitFor();
    assert.equal(await third.locator('.post__body em').innerText(), 'Sundays');
    await penang.getByRole('status').filter({ hasText: 'New reply from Pieter de Vries' }).waitFor();
    assert.equal(await post(penang, 4).count(), 0);

    // Neither page was reloaded: everything above arrived over the live connection.
    await expectSameDocument(penang, penangMark);
    await expectSameDocument(rotterdam, rotterdamMark);
    assert.equal(await penang.evaluate(() => /** @type {any} */ (window).__e2eInjected ?? null), null);
    assert.equal(await rotterdam.evaluate(() => /** @type {any} */ (window).__e2eInjected ?? null), null);
    await axe(penang, { name: 'thread-live' });

    // --- The thread and notifications pages in Arabic (right to left), then English again.
    await restoringLanguage(penang, 'en', async () => {
      await chooseLanguage(penang, 'ar');
      await third.waitFor();
      await axe(penang, { name: 'thread-live' });
      await penang.goto('/notifications');
      await penangMain.locator('ul.notification-list > li').first().waitFor();
      await axe(penang, { name: 'notifications' });
    });

    // --- Rotterdam concludes the partnership: the two cities may propose again in a later run.
    await rotterdam.goto(`/partnerships/${partnershipId}`);
    const end = main.getByRole('region', { name: 'End of the partnership' });
    await end.getByRole('button', { name: 'Conclude the partnership' }).click();
    await end.getByRole('button', { name: 'Yes, conclude it' }).click();
    await main.getByRole('status').filter({ hasText: 'The partnership was concluded.' }).waitFor();
    await eventually(async () => assert.match(await main.locator('.partnership__status').innerText(), /Concluded/));
  },
);
