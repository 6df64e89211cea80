// @ts-check
/**
 * A study visit, from the date poll to the calendar file: Toronto's coordinator plans a visit to Toronto
 * with a date poll of three options, the first spanning a daylight-saving change there, and opens
 * registration; two members of the partnership vote from their own browsers in the poll grid (Toronto's
 * official in French, George Town's coordinator from Kuala Lumpur with the keyboard only; axe on the grid in
 * English and Arabic); the coordinator sees the totals live, picks the first
 * option, adds two agenda items on either side of the clock change (entered in Toronto time) and confirms
 * the visit; George Town's coordinator registers with an accompanying person and a dietary need, then
 * downloads the .ics through "Add to your calendar", which ical.js parses: the visit and each agenda item
 * with their UIDs, the items at the expected instants, the link back to the visit. axe on the visits list
 * (list and month views), the visit page and the new-visit form, in English and Arabic. At the end the
 * visit is cancelled, so that it leaves the upcoming visits of the demo partnership.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { ACCOUNTS, DEMO, axe, eventually, scenario, uniqueSuffix } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */
/** @typedef {{ id: string, startsLocal: string, startsAt: string, endsAt: string, title: string }} AgendaItem */

const HOST = 'Toronto';
const HOST_ZONE = 'America/Toronto';
const DAY = 24 * 3600_000;

/** `YYYY-MM-DD` of a UTC instant (calendar arithmetic on dates without zone). */
const isoDay = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (/** @type {string} */ day, /** @type {number} */ days) =>
  isoDay(Date.parse(`${day}T00:00Z`) + days * DAY);

/**
 * The zone's offset from UTC at an instant, in ms (Node's own time-zone data, independent of the app's).
 * @param {string} zone
 * @param {number} ms
 */
function offsetAt(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (/** @type {string} */ type) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall time (`YYYY-MM-DDTHH:mm`, not in a daylight-saving gap or overlap) in a zone.
 * @param {string} local
 * @param {string} zone
 */
function instantOf(local, zone) {
  const wall = Date.parse(`${local}:00Z`);
  const guess = wall - offsetAt(zone, wall);
  return new Date(wall - offsetAt(zone, guess));
}

/**
 * The next day (at least `fromDays` days ahead) on which the zone's clocks change: its offset at noon
 * UTC differs from the day before's (Toronto changes at 2:00 local, well before noon UTC).
 * @param {string} zone
 * @param {number} fromDays
 */
function nextClockChange(zone, fromDays) {
  const today = Date.parse(`${isoDay(Date.now())}T12:00Z`);
  for (let day = fromDays; day < fromDays + 400; day += 1) {
    const noon = today + day * DAY;
    if (offsetAt(zone, noon) !== offsetAt(zone, noon - DAY)) return isoDay(noon);
  }
  throw new Error(`no clock change in ${zone} within a year`);
}

/**
 * The id at the end of the page's path (/visits/:id).
 * @param {Page} page
 */
function idInPath(page) {
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  assert.match(id, /^[0-9a-f-]{36}$/, `an id in ${page.url()}`);
  return id;
}

/**
 * A range of calendar days as the app writes it in `language` (same Intl call, in the same browser).
 * @param {Page} page
 * @param {string} language
 * @param {string} startDate
 * @param {string} endDate
 */
function rangeText(page, language, startDate, endDate) {
  return page.evaluate(
    ([lang, start, end]) =>
      new Intl.DateTimeFormat(lang, {
        timeZone: 'UTC',
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      }).formatRange(new Date(`${start}T00:00Z`), new Date(`${end}T00:00Z`)),
    [language, startDate, endDate],
  );
}

/**
 * The name of an all-day poll option's column (the host's days, the year only when it is not this one), as
 * the app writes it in `language` (same Intl call, in the same browser).
 * @param {Page} page
 * @param {string} language
 * @param {string} startDate
 * @param {string} endDate
 */
function columnText(page, language, startDate, endDate) {
  return page.evaluate(
    ([lang, start, end]) => {
      const first = new Date(`${start}T00:00Z`);
      const range = new Intl.DateTimeFormat(lang, {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      }).formatRange(first, new Date(`${end}T00:00Z`));
      const year = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric' }).format(first);
      return first.getUTCFullYear() === new Date().getFullYear() ? range : `${range} ${year}`;
    },
    [language, startDate, endDate],
  );
}

/**
 * The poll grid's totals, as its screen-reader text per option ("…: 2 yes, 0 if need be, 1 no").
 * @param {Locator} poll
 * @param {string[]} columns
 */
async function totalsOf(poll, columns) {
  const texts = await poll.locator('tfoot .visually-hidden').allTextContents();
  return columns.map((column) => {
    const text = texts.find((t) => t.replace(/\s+/g, ' ').startsWith(`${column.replace(/\s+/g, ' ')}: `)) ?? '';
    const match = /: (\d+) yes, (\d+) if need be, (\d+) no$/.exec(text);
    return match ? { yes: Number(match[1]), ifNeedBe: Number(match[2]), no: Number(match[3]) } : null;
  });
}

/**
 * Answers the date poll with the keyboard only: Tab until a radio of the grid has focus, then per
 * option Space (yes) and Arrow Down (to if need be, then no), Tab to the next option, and Enter on
 * "Save my answers".
 * @param {Page} page
 * @param {('yes' | 'if_need_be' | 'no')[]} answers per option
 */
async function voteByKeyboard(page, answers) {
  const focusedIsGridRadio = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'radio' && el.closest('.visit-poll__grid') !== null;
    });
  for (let i = 0; i < 80 && !(await focusedIsGridRadio()); i += 1) await page.keyboard.press('Tab');
  assert.ok(await focusedIsGridRadio(), 'Tab reaches the poll grid');
  for (const [index, answer] of answers.entries()) {
    const moves = { yes: 0, if_need_be: 1, no: 2 }[answer];
    await page.keyboard.press('Space');
    for (let m = 0; m < moves; m += 1) await page.keyboard.press('ArrowDown');
    const checked = await page.evaluate(() => /** @type {HTMLInputElement} */ (document.activeElement).value);
    assert.equal(checked, answer, `option ${index + 1}: the focused radio is the answer`);
    await page.keyboard.press('Tab');
  }
  // after the last option's group, Tab goes on to the next control: Save (or a coordinator's pick buttons)
  for (let i = 0; i < 20; i += 1) {
    const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (/^Save my answers$/.test(label.trim())) break;
    await page.keyboard.press('Tab');
  }
  const saved = page.waitForResponse(
    (r) => /^\/api\/visits\/[^/]+\/votes$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT',
  );
  await page.keyboard.press('Enter');
  assert.equal((await saved).status(), 200, 'saving the answers failed');
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Your answers were saved.' }).waitFor();
}

/**
 * Answers the date poll on a member's page: one radio per option, in the options' order; then saves.
 * @param {Page} page
 * @param {{ answerFor: RegExp, save: string, saved: string }} words in the page's language
 * @param {string[]} answers the label of the radio to choose, per option
 */
async function vote(page, words, answers) {
  const main = page.getByRole('main');
  const groups = main.getByRole('radiogroup', { name: words.answerFor });
  await eventually(async () => assert.equal(await groups.count(), answers.length));
  for (const [index, answer] of answers.entries()) {
    await groups.nth(index).getByRole('radio', { name: answer, exact: true }).check();
  }
  const saved = page.waitForResponse(
    (r) => /^\/api\/visits\/[^/]+\/votes$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT',
  );
  await main.getByRole('button', { name: words.save, exact: true }).click();
  assert.equal((await saved).status(), 200, 'saving the answers failed');
  await main.getByRole('status').filter({ hasText: words.saved }).waitFor();
  for (const [index, answer] of answers.entries()) {
    assert.ok(await groups.nth(index).getByRole('radio', { name: answer, exact: true }).isChecked());
  }
}

scenario('study visit: date poll, two votes, dates picked, agenda, registration, .ics', async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const title = `Newcomer employment services study visit ${suffix}`;

  // Option 1 spans a daylight-saving change in Toronto (Friday to Monday around its Sunday); options 2
  // and 3 lie four and eight weeks later.
  const change = nextClockChange(HOST_ZONE, 60);
  const options = [
    { startDate: addDays(change, -2), endDate: addDays(change, 1) },
    { startDate: addDays(change, 26), endDate: addDays(change, 28) },
    { startDate: addDays(change, 54), endDate: addDays(change, 56) },
  ];
  const chosen = /** @type {{ startDate: string, endDate: string }} */ (options[0]);
  const agenda = [
    {
      startsLocal: `${chosen.startDate}T09:30`,
      endsLocal: `${chosen.startDate}T11:00`,
      title: `Welcome at the Newcomer Office ${suffix}`,
      site: 'Toronto Newcomer Office',
      address: '100 Queen St W, Toronto',
      hostContact: 'Daniel Okafor, +1 416 555 0100',
    },
    {
      startsLocal: `${chosen.endDate}T14:00`,
      endsLocal: `${chosen.endDate}T15:30`,
      title: `Employer council round table ${suffix}`,
      site: 'City Hall, committee room 2',
      address: '',
      hostContact: '',
    },
  ].map((item) => ({
    ...item,
    startsAt: instantOf(item.startsLocal, HOST_ZONE),
    endsAt: instantOf(item.endsLocal, HOST_ZONE),
  }));
  const [first, second] = agenda;
  assert.ok(first && second);
  assert.notEqual(
    offsetAt(HOST_ZONE, first.startsAt.getTime()),
    offsetAt(HOST_ZONE, second.startsAt.getTime()),
    'the two agenda items lie on either side of the clock change',
  );

  // --- Toronto's coordinator plans the visit, with a date poll of three options.
  const daniel = await newPage({ axe: true });
  await logIn(daniel, ACCOUNTS.coordinatorToronto.email);
  await daniel.goto('/visits');
  const main = daniel.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Study visits' }).waitFor();
  await main.getByRole('link', { name: 'Plan a study visit' }).click();
  await main.getByRole('heading', { level: 1, name: 'Plan a study visit' }).waitFor();

  await main.getByRole('combobox', { name: 'Partnership' }).selectOption({ label: DEMO.torontoPenang });
  await main.getByRole('combobox', { name: 'Host city' }).selectOption({ label: HOST });
  await main.getByRole('textbox', { name: 'Title' }).fill(title);
  await main
    .getByRole('textbox', { name: 'Purpose' })
    .fill('See how **Toronto** matches newcomers with employers, and bring back what George Town can use.');
  const themes = main.getByRole('group', { name: 'Themes' });
  await themes.getByRole('checkbox', { name: 'Employment' }).check();
  await themes.getByRole('checkbox', { name: 'Integration' }).check();
  await main.getByRole('spinbutton', { name: 'Places' }).fill('12');
  await main.getByRole('radio', { name: 'Let members vote on several date options' }).check();
  await main.getByRole('button', { name: 'Add a date option' }).click();
  for (const [index, option] of options.entries()) {
    const group = main.getByRole('group', { name: `Option ${index + 1}`, exact: true });
    await group.getByLabel('First day').fill(option.startDate);
    await group.getByLabel('Last day').fill(option.endDate);
  }
  await axe(daniel, { name: 'visit-new-poll' });
  await main.getByRole('button', { name: 'Create the visit' }).click();

  await main.getByRole('heading', { level: 1, name: title }).waitFor();
  const visitId = idInPath(daniel);
  await main
    .getByRole('status')
    .filter({ hasText: 'The visit was created as a draft. Open registration when it is ready.' })
    .waitFor();
  await main.getByText('Being prepared: registration is not open yet.').waitFor();

  const ranges = await Promise.all(options.map((o) => rangeText(daniel, 'en', o.startDate, o.endDate)));
  const columns = await Promise.all(options.map((o) => columnText(daniel, 'en', o.startDate, o.endDate)));
  const poll = main.getByRole('region', { name: 'Date poll' });
  const grid = poll.getByRole('table');
  const headers = (await grid.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/\s+/g, ' '));
  assert.equal(headers.length, 4);
  for (const [index, column] of columns.entries()) {
    // the host's days as a column, with its length; never a shifted time range
    assert.ok(
      headers[index + 1]?.startsWith(column.replace(/\s+/g, ' ')),
      `column ${index + 1}: ${headers[index + 1]}`,
    );
  }
  assert.doesNotMatch(await poll.innerText(), /GMT|\d{1,2}:\d{2}/, 'all-day options carry no time of day');

  // Registration opens (members are told); the poll stays open.
  const actions = main.getByRole('region', { name: 'Manage this visit' });
  await actions.getByRole('button', { name: 'Open registration' }).click();
  await main
    .getByRole('status')
    .filter({ hasText: 'Registration is open. Members of the partnership were told.' })
    .waitFor();
  await main.getByText('Members of the partnership can register.').waitFor();

  // --- Toronto's official votes, in French (her language).
  const marie = await newPage();
  await logIn(marie, ACCOUNTS.officialToronto.email, { language: 'fr' });
  await marie.goto(`/visits/${visitId}`);
  await marie.getByRole('main').getByRole('heading', { level: 1, name: title }).waitFor();
  await vote(
    marie,
    {
      answerFor: /^Votre réponse pour /,
      save: 'Enregistrer mes réponses',
      saved: 'Vos réponses ont été enregistrées.',
    },
    ['Oui', 'Si nécessaire', 'Non'],
  );

  // --- George Town's coordinator votes from Kuala Lumpur with the keyboard only, and sees both answers.
  const nurul = await newPage({ axe: true });
  await logIn(nurul, ACCOUNTS.coordinatorPenang.email);
  await nurul.goto(`/visits/${visitId}`);
  const nurulMain = nurul.getByRole('main');
  await nurulMain.getByRole('heading', { level: 1, name: title }).waitFor();
  const nurulPoll = nurulMain.getByRole('region', { name: 'Date poll' });
  // Kuala Lumpur is 12–13 hours ahead of Toronto: the columns still show Toronto's days
  const nurulHeaders = (await nurulPoll.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/\s+/g, ' '));
  assert.ok(nurulHeaders[1]?.startsWith((columns[0] ?? '').replace(/\s+/g, ' ')));
  await nurulPoll.getByRole('radiogroup').first().waitFor();
  await voteByKeyboard(nurul, ['yes', 'no', 'if_need_be']);
  assert.deepEqual(await totalsOf(nurulPoll, columns), [
    { yes: 2, ifNeedBe: 0, no: 0 },
    { yes: 0, ifNeedBe: 1, no: 1 },
    { yes: 0, ifNeedBe: 1, no: 1 },
  ]);
  // Marie's row, read-only, each cell labelled for screen readers; the best option is marked
  const marieName = ACCOUNTS.officialToronto.displayName;
  const nurulName = ACCOUNTS.coordinatorPenang.displayName;
  const marieRow = nurulPoll.getByRole('row').filter({ has: nurul.getByRole('rowheader', { name: marieName }) });
  const flat = (/** @type {string} */ text) => text.replace(/\s+/g, ' ');
  assert.deepEqual((await marieRow.locator('.visually-hidden').allTextContents()).map(flat), [
    flat(`${marieName}, option ${columns[0]}: Yes`),
    flat(`${marieName}, option ${columns[1]}: If need be`),
    flat(`${marieName}, option ${columns[2]}: No`),
  ]);
  const best = nurulPoll.getByRole('columnheader').filter({ hasText: 'Best option' });
  assert.equal(await best.count(), 1);
  assert.ok(flat(await best.innerText()).startsWith(flat(columns[0] ?? '')));
  await axe(nurul, { name: 'visit-poll-grid' });
  await restoringLanguage(nurul, 'en', async () => {
    await chooseLanguage(nurul, 'ar');
    await nurulMain.getByRole('region', { name: 'استطلاع المواعيد' }).getByRole('table').waitFor();
    const arColumn = await columnText(nurul, 'ar', options[0]?.startDate ?? '', options[0]?.endDate ?? '');
    const arHeaders = await nurulMain.getByRole('columnheader').allInnerTexts();
    assert.ok(flat(arHeaders[1] ?? '').startsWith(flat(arColumn)), `Arabic column: ${arHeaders[1]}`);
    await axe(nurul, { name: 'visit-poll-grid-ar' });
  });

  // --- The coordinator's page, open since before the votes, shows who answered what live (no reload).
  await eventually(async () =>
    assert.deepEqual(await totalsOf(poll, columns), [
      { yes: 2, ifNeedBe: 0, no: 0 },
      { yes: 0, ifNeedBe: 1, no: 1 },
      { yes: 0, ifNeedBe: 1, no: 1 },
    ]),
  );
  for (const name of [marieName, nurulName]) {
    await grid.getByRole('rowheader', { name }).waitFor();
  }

  // --- The coordinator picks the first option: the dates are fixed, the poll closes.
  await poll.getByRole('button', { name: `Pick these dates: ${ranges[0]}` }).click();
  const dialog = daniel.getByRole('dialog', { name: 'Fix the visit’s dates?' });
  assert.match(await dialog.innerText(), new RegExp(`The visit will take place ${ranges[0]}\\.`));
  await dialog.getByRole('button', { name: 'Fix these dates' }).click();
  await main
    .getByRole('status')
    .filter({ hasText: `The visit’s dates are now ${ranges[0]}. Voters were told.` })
    .waitFor();
  await poll.getByText('The poll is closed: the dates were chosen.').waitFor();
  assert.equal(await poll.getByRole('radiogroup').count(), 0, 'nobody votes any more');
  assert.equal(await poll.getByRole('button', { name: /^Pick these dates/ }).count(), 0);
  const about = main.getByRole('region', { name: 'About the visit' });
  await eventually(async () =>
    assert.match(await about.innerText(), new RegExp(`${ranges[0]} \\(dates in ${HOST}\\)`)),
  );

  // --- The agenda, entered in Toronto time, on either side of the clock change.
  const agendaRegion = main.getByRole('region', { name: 'Agenda', exact: true });
  /** @type {AgendaItem[]} */
  const saved = [];
  for (const item of agenda) {
    await agendaRegion.getByRole('button', { name: 'Add an agenda item' }).click();
    const form = agendaRegion.getByRole('form', { name: 'New agenda item' });
    await form.getByLabel(`Starts (${HOST} time, ${HOST_ZONE})`).fill(item.startsLocal);
    await form.getByLabel(`Ends (${HOST} time, ${HOST_ZONE})`).fill(item.endsLocal);
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(item.title);
    await form.getByRole('textbox', { name: 'Site', exact: true }).fill(item.site);
    await form.getByRole('textbox', { name: 'Address', exact: true }).fill(item.address);
    await form.getByRole('textbox', { name: 'Host contact', exact: true }).fill(item.hostContact);
    const response = daniel.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/visits/${visitId}/agenda` && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Add to the agenda' }).click();
    const answer = await response;
    assert.equal(answer.status(), 201, `adding “${item.title}”: ${await answer.text()}`);
    /** @type {{ agenda: AgendaItem[] }} */
    const visit = await answer.json();
    const added = visit.agenda.find((a) => a.title === item.title);
    assert.ok(added, `“${item.title}” is on the agenda`);
    assert.equal(added.startsLocal, item.startsLocal);
    assert.equal(Date.parse(added.startsAt), item.startsAt.getTime(), 'the API stores the host-local instant');
    saved.push(added);
    await main.getByRole('status').filter({ hasText: 'Agenda item added.' }).waitFor();
    await agendaRegion.getByRole('heading', { level: 4, name: item.title }).waitFor();
  }

  // The visit is confirmed.
  await actions.getByRole('button', { name: 'Confirm the visit' }).click();
  await main.getByRole('status').filter({ hasText: 'The visit is confirmed.' }).waitFor();
  await main.getByText('The visit will take place.').waitFor();

  // --- George Town's coordinator reloads: the agenda in Toronto time and in his own.
  await nurul.reload();
  await nurulMain.getByRole('heading', { level: 1, name: title }).waitFor();
  const nurulAgenda = nurulMain.getByRole('region', { name: 'Agenda', exact: true });
  /** @type {string[]} */
  const hostZones = [];
  for (const item of agenda) {
    const entry = nurulAgenda.getByRole('listitem').filter({ has: nurul.getByRole('heading', { name: item.title }) });
    const time = entry.locator('time');
    assert.equal(await time.getAttribute('datetime'), item.startsAt.toISOString());
    const text = await entry.innerText();
    const zone = new RegExp(`${HOST} \\(([^)]+)\\)`).exec(text)?.[1];
    assert.ok(zone, `the host's zone is named for “${item.title}”: ${text}`);
    hostZones.push(zone);
    assert.match(text, /your time \(GMT\+8\)/);
  }
  assert.notEqual(hostZones[0], hostZones[1], 'Toronto’s zone name changes with the clocks (EST/EDT)');

  // --- He registers, with an accompanying person and a dietary need.
  const registration = nurulMain.getByRole('region', { name: 'Registration' });
  const form = registration.getByRole('form', { name: 'Register' });
  await form.getByRole('spinbutton', { name: 'Accompanying persons' }).fill('1');
  await form.getByRole('textbox', { name: 'Dietary needs' }).fill(`Halal meals, please (${suffix})`);
  await form.getByRole('button', { name: 'Register', exact: true }).click();
  const registered = 'You are registered for this visit, with 1 accompanying person.';
  await nurulMain.getByRole('status').filter({ hasText: registered }).waitFor();
  await registration.getByText(registered, { exact: true }).waitFor();
  await registration.getByRole('form', { name: 'Update my registration' }).waitFor();

  // --- ... and downloads the visit and its agenda for his calendar.
  const calendar = nurulMain.getByRole('region', { name: 'About the visit' });
  const [download] = await Promise.all([
    nurul.waitForEvent('download'),
    calendar.getByRole('button', { name: 'Download the .ics file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^twinning-visit-.+\.ics$/);
  const file = await download.path();
  assert.ok(file, 'the download was saved');
  const text = await readFile(file, 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);

  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  assert.equal(events.length, 1 + agenda.length, 'the visit and each agenda item');
  const uids = events.map((event) => event.uid);
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');

  const visitEvent = events.find((event) => event.uid === `visit-${visitId}@twinning`);
  assert.ok(visitEvent, `an event for the visit among ${uids.join(', ')}`);
  assert.equal(visitEvent.summary, title);
  assert.ok(visitEvent.startDate.isDate, 'the visit is an all-day event');
  assert.equal(visitEvent.startDate.toString(), chosen.startDate);
  assert.equal(visitEvent.endDate.toString(), addDays(chosen.endDate, 1), 'DTEND is the day after the last');
  assert.equal(visitEvent.component.getFirstPropertyValue('status'), 'CONFIRMED');

  const appPort = new URL(nurul.url()).port;
  for (const event of events) {
    const url = new URL(String(event.component.getFirstPropertyValue('url')));
    assert.equal(url.pathname, `/visits/${visitId}`, `${event.uid} links back to the visit`);
    assert.equal(url.port, appPort);
    assert.match(event.description, new RegExp(`Visit page: ${url.href.replace(/[.?/]/g, '\\$&')}`));
  }

  assert.equal(root.getAllSubcomponents('vtimezone').length, 1);
  for (const [index, item] of agenda.entries()) {
    const added = /** @type {AgendaItem} */ (saved[index]);
    const event = events.find((e) => e.uid === `agenda-${added.id}@twinning`);
    assert.ok(event, `an event for “${item.title}” among ${uids.join(', ')}`);
    assert.equal(event.summary, `${item.title} (${title})`);
    assert.equal(event.startDate.zone?.tzid, HOST_ZONE, 'DTSTART carries the host zone (TZID)');
    assert.equal(event.startDate.toJSDate().toISOString(), item.startsAt.toISOString(), `start of “${item.title}”`);
    assert.equal(event.endDate.toJSDate().toISOString(), item.endsAt.toISOString(), `end of “${item.title}”`);
    assert.equal(event.location, [item.site, item.address].filter(Boolean).join(', '));
    if (item.hostContact)
      assert.match(event.description, new RegExp(`Host contact: ${item.hostContact.replace(/\+/g, '\\+')}`));
  }

  // --- The coordinator sees the delegation, needs included, after a reload.
  await daniel.reload();
  await main.getByRole('heading', { level: 1, name: title }).waitFor();
  const roster = main.getByRole('region', { name: 'Delegation roster' });
  const row = roster.getByRole('row').filter({ hasText: nurulName });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`Registered[\\s\\S]*2[\\s\\S]*Halal meals, please \\(${suffix}\\)`));
  assert.match(await about.innerText(), /2 of 12 places taken/);

  // --- axe: the visit page, the visits list (list and month) and the new-visit form, English then Arabic.
  const month = chosen.startDate.slice(0, 7);
  /** Visits the four pages and runs axe on each, once it shows its content (in any language). */
  const checkPages = async () => {
    await daniel.goto(`/visits/${visitId}`);
    await main.getByRole('heading', { level: 1, name: title }).waitFor();
    await main.getByRole('table').nth(1).waitFor(); // the poll grid (closed now) and the roster
    await axe(daniel, { name: 'visit' });

    await daniel.goto('/visits');
    await main.getByRole('link', { name: title, exact: true }).waitFor();
    await axe(daniel, { name: 'visits-list' });

    await daniel.goto(`/visits?view=month&month=${month}`);
    const grid = main.getByRole('grid');
    await grid.getByRole('link', { name: title, exact: true }).first().waitFor();
    await eventually(async () => assert.equal(await grid.getAttribute('aria-busy'), null));
    await axe(daniel, { name: 'visits-month' });

    await daniel.goto('/visits/new');
    // The second way of setting dates: the date poll, with its option fieldsets.
    await main.getByRole('radio').nth(1).check();
    await axe(daniel, { name: 'visit-new' });
  };
  await checkPages();
  await restoringLanguage(daniel, 'en', async () => {
    await chooseLanguage(daniel, 'ar');
    await checkPages();
  });

  // --- The coordinator cancels the visit: it leaves the partnership's upcoming visits.
  await daniel.goto(`/visits/${visitId}`);
  await main.getByRole('heading', { level: 1, name: title }).waitFor();
  await actions.getByRole('button', { name: 'Cancel the visit' }).click();
  const cancel = daniel.getByRole('dialog', { name: `Cancel “${title}”?` });
  await cancel.getByRole('textbox', { name: 'Reason' }).fill('End of the browser test.');
  await cancel.getByRole('button', { name: 'Cancel the visit' }).click();
  await main
    .getByRole('status')
    .filter({ hasText: 'The visit was cancelled. Registered delegates were told.' })
    .waitFor();
});
