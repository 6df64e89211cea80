// @ts-check
/**
 * Forum search and moderation, driven with the keyboard where a person would use it: an official of
 * Toronto (in French) finds a post of the private Toronto – George Town forum, highlighted, and opens it;
 * an official of Marseille (in Arabic), outside that partnership, finds nothing and cannot open it. Then a
 * post of that forum is flagged, Toronto's coordinator upholds the flag from the moderation queue (the
 * author sees the post disappear live), and the administrator finds both actions in the audit log. axe on
 * /forums, /search, /moderation and /moderation/audit.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, DEMO, axe, eventually, scenario, tabTo, uniqueSuffix, watchRealtime } from './support.mjs';
import { logIn } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** The seeded French thread of the Toronto – George Town forum, and its first post's author. */
const FRENCH_THREAD = 'Accueil des nouveaux arrivants : un guichet unique ?';
/** The seeded thread of the public integration forum whose third post is flagged (seq 3, by Sofía Ramírez). */
const FLAGGED_THEME_THREAD = 'تعليم اللغة للقادمين الجدد: تجارب المدن';

/**
 * The element that has keyboard focus: its tag and id.
 * @param {Page} page
 */
const focused = (page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName.toLowerCase() ?? '',
    id: document.activeElement?.id ?? '',
  }));

/**
 * Waits until the forums directory has loaded its three sections (the demo data has course forums).
 * @param {Page} page
 */
const forumsLoaded = (page) =>
  eventually(async () =>
    assert.equal(await page.locator('main ul.forum-grid').count(), 3, 'theme, course and partnership forums listed'),
  );

scenario(
  'search with the keyboard: a partner finds the highlighted post, an outsider does not',
  async ({ newPage }) => {
    // --- Marie Tremblay, official of Toronto, uses the interface in French (her own choice).
    const marie = await newPage({ axe: true });
    await logIn(marie, ACCOUNTS.officialToronto.email, { language: 'fr' });
    await marie.goto('/forums');
    const main = marie.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Forums' }).waitFor();
    await forumsLoaded(marie);
    await main.getByRole('link', { name: DEMO.torontoPenang, exact: true }).waitFor();
    await axe(marie, { name: 'forums' });

    // Skip link, then the search box is the first stop in the main content.
    await marie.keyboard.press('Tab');
    await marie.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await focused(marie), { tag: 'main', id: 'main' }));
    const box = main.getByRole('searchbox', { name: 'Mots à chercher' });
    assert.equal(await tabTo(marie, box, { max: 3 }), 1, 'one Tab from <main> reaches the search box');
    await marie.keyboard.type('guichet unique');
    await marie.keyboard.press('Enter');

    await marie.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'guichet unique');
    await main.getByRole('status').filter({ hasText: '1 résultat affiché' }).waitFor();
    const result = main.getByRole('list', { name: 'Résultats pour « guichet unique »' }).getByRole('listitem');
    assert.equal(await result.count(), 1);
    const link = result.getByRole('link', { name: FRENCH_THREAD, exact: true });
    assert.equal(await link.count(), 1, 'the result links to the thread');
    const marks = (await result.locator('mark').allInnerTexts()).map((text) => text.toLowerCase());
    assert.ok(marks.includes('guichet') && marks.includes('unique'), `both words are highlighted: ${marks.join(', ')}`);
    assert.ok(
      (await result.locator('.search-result__headline mark').count()) >= 2,
      'the words are highlighted in the post',
    );
    const meta = await result.locator('.search-result__meta').innerText();
    // the author is a person chip (avatar, name, city and role), laid out over several lines
    assert.match(
      meta,
      new RegExp(`${DEMO.torontoPenang}.*Message 1 de\\s+\\S+\\s+${ACCOUNTS.officialToronto.displayName}`, 's'),
    );
    await axe(marie, { name: 'search-results' });

    // The result is reached with Tab and opened with Enter: the post gets the focus.
    await tabTo(marie, link);
    await marie.keyboard.press('Enter');
    await marie.waitForURL((url) => url.pathname.startsWith('/threads/') && url.searchParams.get('post') === '1');
    const threadPath = new URL(marie.url()).pathname;
    await main.getByRole('heading', { level: 1, name: FRENCH_THREAD }).waitFor();
    await eventually(async () => assert.deepEqual(await focused(marie), { tag: 'article', id: 'post-1' }));
    assert.match(await main.locator('article#post-1').innerText(), /Notre guichet unique regroupe logement/);

    // --- Karim Benali, official of Marseille (in Arabic, his choice), is outside that partnership.
    const karim = await newPage({ axe: true });
    await logIn(karim, ACCOUNTS.officialMarseille.email, { language: 'ar' });
    await karim.goto('/search');
    const outside = karim.getByRole('main');
    const arabicBox = outside.getByRole('searchbox', { name: 'الكلمات المطلوبة' });
    await tabTo(karim, arabicBox);
    await karim.keyboard.type('guichet unique');
    await karim.keyboard.press('Enter');
    await karim.waitForURL((url) => url.searchParams.get('q') === 'guichet unique');
    await outside.getByRole('status').filter({ hasText: 'لا توجد مشاركات تطابق هذا البحث.' }).waitFor();
    assert.equal(await outside.locator('ol.search-results, mark').count(), 0, 'no result, nothing highlighted');
    await axe(karim, { name: 'search-no-results' });

    // Nor can he open the thread with its address.
    await karim.goto(threadPath);
    await outside.getByRole('heading', { level: 1, name: 'الموضوع غير موجود' }).waitFor();
    assert.equal(await outside.getByText('guichet', { exact: false }).count(), 0);
  },
);

/** The seeded English thread of the Toronto – George Town forum: its title says "pilots". */
const PILOTS_THREAD = 'Credential recognition pilots: what worked in Toronto';

scenario(
  'search that understands words: "pilot" finds "pilots", "nouveau arrivant" finds "nouveaux arrivants"',
  async ({ newPage }) => {
    const marie = await newPage();
    await logIn(marie, ACCOUNTS.officialToronto.email, { language: 'fr' });
    const main = marie.getByRole('main');

    // French, stemmed under the French configuration: the post was written in French (its author's language)
    await marie.goto(`/search?q=${encodeURIComponent('nouveau arrivant')}`);
    const french = main.getByRole('list', { name: 'Résultats pour « nouveau arrivant »' });
    await french.getByRole('link', { name: FRENCH_THREAD, exact: true }).waitFor();
    const frenchMarks = (await french.locator('mark').allInnerTexts()).map((text) => text.toLowerCase());
    assert.ok(
      frenchMarks.includes('nouveaux') && frenchMarks.includes('arrivants'),
      `the stemmed forms are highlighted: ${frenchMarks.join(', ')}`,
    );

    // English, searched from the French interface: every query is matched in the four languages at once
    await marie.goto('/search?q=pilot');
    const english = main.getByRole('list', { name: 'Résultats pour « pilot »' });
    const hit = english
      .getByRole('listitem')
      .filter({ has: marie.getByRole('link', { name: PILOTS_THREAD, exact: true }) });
    await hit.waitFor();
    assert.deepEqual(await hit.locator('.search-result__title mark').allInnerTexts(), ['pilots']);
    const snippet = await hit.locator('.search-result__headline').innerText();
    assert.doesNotMatch(snippet, /\*\*|\]\(|<\w/, `the snippet is plain text: ${snippet}`);
  },
);

scenario(
  'moderation with the keyboard: Toronto’s coordinator upholds a flag, the administrator audits it',
  async ({ newPage }) => {
    const suffix = uniqueSuffix();
    const title = `Cours particuliers à vendre ${suffix}`;

    // --- Marie Tremblay (in French) posts something off topic in the Toronto – George Town forum.
    const marie = await newPage();
    const marieLive = watchRealtime(marie);
    await logIn(marie, ACCOUNTS.officialToronto.email, { language: 'fr' });
    await marie.goto('/forums');
    const author = marie.getByRole('main');
    await author.getByRole('link', { name: DEMO.torontoPenang, exact: true }).click();
    await author.getByRole('heading', { level: 1, name: DEMO.torontoPenang }).waitFor();
    await author.locator('summary').filter({ hasText: 'Nouvelle discussion' }).click();
    await author.getByRole('textbox', { name: 'Titre', exact: true }).fill(title);
    await author
      .getByRole('textbox', { name: 'Premier message' })
      .fill(`Je vends des cours particuliers de français, écrivez-moi en privé ! (${suffix})`);
    await author.getByRole('button', { name: 'Créer la discussion' }).click();
    await author.getByRole('heading', { level: 1, name: title }).waitFor();
    const threadPath = new URL(marie.url()).pathname;
    const threadId = threadPath.split('/').pop() ?? '';
    await author.locator('article#post-1').waitFor();
    await marieLive.following('thread', threadId);

    // --- Nurul Aziz (George Town) flags it, with the keyboard.
    const nurul = await newPage();
    await logIn(nurul, ACCOUNTS.coordinatorPenang.email);
    await nurul.goto(threadPath);
    const reader = nurul.getByRole('main');
    const flagButton = reader.getByRole('button', { name: `Flag post 1 by ${ACCOUNTS.officialToronto.displayName}` });
    await tabTo(nurul, flagButton);
    await nurul.keyboard.press('Enter');
    const dialog = nurul.getByRole('dialog', { name: `Flag post 1 by ${ACCOUNTS.officialToronto.displayName}` });
    await dialog.waitFor();
    // Focus starts on the first reason; the arrow keys choose another.
    const spam = dialog.getByRole('radio', { name: 'Spam' });
    await eventually(async () => assert.ok(await spam.evaluate((radio) => radio === document.activeElement)));
    await nurul.keyboard.press('ArrowDown');
    await nurul.keyboard.press('ArrowDown');
    await eventually(async () =>
      assert.ok(await dialog.getByRole('radio', { name: 'Off topic' }).isChecked(), 'two arrows down: Off topic'),
    );
    await tabTo(nurul, dialog.getByRole('textbox', { name: 'Note for the moderators (optional)' }), { max: 2 });
    await nurul.keyboard.type('Private advertising in our partnership forum.');
    await tabTo(nurul, dialog.getByRole('button', { name: 'Send flag' }), { max: 2 });
    await nurul.keyboard.press('Enter');
    await reader.getByRole('status').filter({ hasText: 'Thank you. The moderators will review this post.' }).waitFor();
    await eventually(async () => assert.equal(await dialog.count(), 0, 'the dialog closed'));
    await reader.locator('article#post-1').getByText('You flagged this post. Moderators will review it.').waitFor();

    // --- Daniel Okafor, coordinator of Toronto, finds it in his moderation queue.
    const daniel = await newPage({ axe: true });
    await logIn(daniel, ACCOUNTS.coordinatorToronto.email);
    await daniel.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await daniel.waitForURL('**/moderation');
    const queue = daniel.getByRole('main');
    await queue.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const card = queue.getByRole('article', { name: `Post 1 in “${title}”` });
    await card.waitFor();
    const facts = await card.locator('dl').innerText();
    for (const expected of [
      'Off topic',
      ACCOUNTS.coordinatorPenang.displayName,
      'Private advertising in our partnership forum.',
      ACCOUNTS.officialToronto.displayName,
      DEMO.torontoPenang,
    ]) {
      assert.ok(facts.includes(expected), `the flag shows “${expected}”:\n${facts}`);
    }
    // Coordinators moderate their partnerships' forums only: the flag in the public integration forum
    // (seeded) is for the administrators.
    assert.equal(await queue.getByRole('article', { name: `Post 3 in “${FLAGGED_THEME_THREAD}”` }).count(), 0);
    assert.equal(
      await daniel.getByRole('link', { name: 'Moderation audit log' }).count(),
      0,
      'the audit log is for admins',
    );
    await axe(daniel, { name: 'moderation-coordinator' });

    const reason = `Advertising is not an exchange between cities (${suffix}).`;
    await tabTo(daniel, card.getByRole('textbox', { name: 'Reason for your decision (optional)' }));
    await daniel.keyboard.type(reason);
    const uphold = card.getByRole('button', { name: `Uphold and hide the post: post 1 in “${title}”` });
    assert.equal(await tabTo(daniel, uphold, { max: 3 }), 1, 'Uphold follows the reason');
    await daniel.keyboard.press('Enter');
    await queue
      .getByRole('status')
      .filter({ hasText: `Flag upheld: post 1 in “${title}” is now hidden.` })
      .waitFor();
    await eventually(async () => assert.equal(await card.count(), 0, 'the flag left the open queue'));

    // The author, still on the thread, sees her post hidden without reloading.
    await author.locator('article#post-1').getByText('Ce message a été masqué par un modérateur.').waitFor();

    await queue.getByRole('navigation', { name: 'Flags by status' }).getByRole('link', { name: 'Upheld' }).click();
    await queue.getByRole('heading', { level: 2, name: 'Upheld flags' }).waitFor();
    const decided = queue.getByRole('article', { name: `Post 1 in “${title}”` });
    assert.match(await decided.innerText(), new RegExp(`Decided by\\s+${ACCOUNTS.coordinatorToronto.displayName}`));

    // --- The administrator: every forum's flags in the queue, and the actions in the audit log.
    const admin = await newPage({ axe: true });
    await logIn(admin, ACCOUNTS.admin.email);
    await admin.goto('/moderation');
    const adminMain = admin.getByRole('main');
    const themeFlag = adminMain.getByRole('article', { name: `Post 3 in “${FLAGGED_THEME_THREAD}”` });
    await themeFlag.waitFor();
    assert.match(await themeFlag.innerText(), new RegExp(ACCOUNTS.member.displayName));
    assert.equal(await adminMain.getByRole('article', { name: `Post 1 in “${title}”` }).count(), 0);
    await axe(admin, { name: 'moderation-admin' });

    const auditLink = adminMain.getByRole('link', { name: 'Moderation audit log' });
    await tabTo(admin, auditLink);
    await admin.keyboard.press('Enter');
    await admin.waitForURL('**/moderation/audit');
    await adminMain.getByRole('heading', { level: 1, name: 'Moderation audit log' }).waitFor();
    const log = adminMain.getByRole('table');
    const upheldRow = log.getByRole('row').filter({ hasText: 'Flag upheld' }).filter({ hasText: title });
    await upheldRow.waitFor();
    const upheldText = await upheldRow.innerText();
    assert.match(upheldText, new RegExp(ACCOUNTS.coordinatorToronto.displayName));
    assert.match(
      upheldText,
      new RegExp(`Flag: “Off topic” on post #1 in “${title}” by ${ACCOUNTS.officialToronto.displayName}`),
    );
    assert.ok(upheldText.includes(reason), 'the reason is recorded');
    assert.ok(upheldText.includes(DEMO.torontoPenang), 'the forum is named');
    const hiddenRow = log.getByRole('row').filter({ hasText: 'Post hidden' }).filter({ hasText: title });
    assert.match(await hiddenRow.innerText(), new RegExp(ACCOUNTS.coordinatorToronto.displayName));
    await axe(admin, { name: 'moderation-audit' });

    // Only upheld flags: chosen from the keyboard, applied as it changes (no Apply button).
    const action = adminMain.getByRole('combobox', { name: 'Action' });
    await tabTo(admin, action);
    await action.selectOption('flag.uphold');
    assert.equal(await adminMain.getByRole('button', { name: 'Apply' }).count(), 0);
    await admin.waitForURL((url) => url.searchParams.get('action') === 'flag.uphold');
    await eventually(async () => {
      const actions = await log.locator('tbody td[data-label="Action"]').allInnerTexts();
      assert.ok(actions.length > 0, 'some entries');
      assert.deepEqual([...new Set(actions)], ['Flag upheld']);
    });
    await upheldRow.waitFor();
  },
);
