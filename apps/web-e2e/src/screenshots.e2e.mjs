// @ts-check
/**
 * Screenshots of every main page at 1280×800 and 390×844, in English and Arabic, into one folder
 * (`artifacts/screenshots/` at the repository root, or SCREENSHOTS_DIR), named `<page>-<lang>-<width>.png`,
 * so that anyone can look at the whole product at once. CI keeps the folder as an artifact.
 *
 * Pages are visited as the visitor who sees them best: anonymous pages signed out, the partnership,
 * visit and workshop pages as Toronto's coordinator (a member), the course editor and the trainer's
 * dashboard as the demo facilitator, the review queue as a demo reviewer, the admin and audit pages as the
 * admin.
 * Each page is screenshotted in full once nothing is loading any more. Only fails when a page cannot be
 * reached at all; the pictures are for people to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS, scenario, sleep } from './support.mjs';
import { chooseLanguage, logIn } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ name: string, path: string, screen?: boolean }} Shot A page; `screen`: only what the screen shows (a section of a long page, scrolled to), not the whole page. */

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = process.env['SCREENSHOTS_DIR'] || path.resolve(here, '..', '..', '..', 'artifacts', 'screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
/** @type {('en' | 'ar')[]} */
const LANGUAGES = ['en', 'ar'];

rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });

/**
 * Waits until the page shows its heading and nothing says "Loading" any more (bounded: a page that keeps
 * loading is still photographed, as it is).
 * @param {Page} page
 */
async function settle(page) {
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  for (let i = 0; i < 50; i += 1) {
    if ((await page.locator('main .loading').count()) === 0) break;
    await sleep(100);
  }
  await page.evaluate(() => document.fonts.ready);
  await sleep(150);
}

/**
 * The first link in `<main>` whose address matches `pattern` (an in-app path), or null.
 * @param {Page} page
 * @param {string} from
 * @param {RegExp} pattern
 */
async function firstLink(page, from, pattern) {
  await page.goto(from);
  await settle(page);
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

/**
 * Photographs `shots` in every size for the page's current language.
 * @param {Page} page
 * @param {Shot[]} shots
 * @param {string} language
 */
async function photograph(page, shots, language) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const shot of shots) {
      await page.goto(shot.path);
      await settle(page);
      await page.screenshot({
        path: path.join(OUT_DIR, `${shot.name}-${language}-${size.width}.png`),
        fullPage: !shot.screen,
      });
    }
  }
}

scenario(
  'screenshots of every main page, 1280 and 390 px, English and Arabic',
  async ({ newPage }) => {
    // Signed out: the public pages.
    const visitor = await newPage({ viewport: SIZES[0] });
    const citySlug = (await firstLink(visitor, '/cities', /^\/cities\/[^/]+$/)) ?? '/cities';
    // a published course (the demo data has some; without one, only the catalogue)
    const course = await firstLink(visitor, '/courses', /^\/courses\/[0-9a-f-]{36}$/);
    /** @type {Shot[]} */
    const publicPages = [
      { name: 'landing', path: '/' },
      { name: 'login', path: '/login' },
      { name: 'register', path: '/register' },
      { name: 'forgot-password', path: '/forgot-password' },
      { name: 'cities', path: '/cities' },
      { name: 'city', path: citySlug },
      { name: 'courses', path: '/courses' },
      ...(course ? [{ name: 'course', path: course }] : []),
    ];
    for (const language of LANGUAGES) {
      await visitor.goto('/login');
      await chooseLanguage(visitor, language);
      await photograph(visitor, publicPages, language);
    }

    // A coordinator: the pages of a member.
    const member = await newPage({ viewport: SIZES[0] });
    await logIn(member, ACCOUNTS.coordinatorToronto.email);
    const partnership = await firstLink(member, '/partnerships', /^\/partnerships\/[0-9a-f-]{36}$/);
    // Preferably a visit whose dates are still being chosen, so that its poll is in the pictures.
    await firstLink(member, '/visits?view=list', /^\/visits\//);
    const visit = await member.locator('main a[href^="/visits/"]').evaluateAll((links) => {
      const visits = links.filter((link) => /^\/visits\/[0-9a-f-]{36}$/.test(link.getAttribute('href') ?? ''));
      const polled = visits.find((link) => /poll/i.test(link.closest('li')?.textContent ?? ''));
      return (polled ?? visits[0])?.getAttribute('href') ?? null;
    });
    const workshop = await firstLink(member, '/workshops', /^\/workshops\/[0-9a-f-]{36}$/);
    const forum = await firstLink(member, '/forums', /^\/forums\/[0-9a-f-]{36}$/);
    const thread = forum ? await firstLink(member, forum, /^\/threads\/[0-9a-f-]{36}$/) : null;
    // the demo's open training request, which Toronto asked for
    const training = await firstLink(member, '/training', /^\/training\/[0-9a-f-]{36}$/);
    assert.ok(partnership && visit && workshop && forum && thread && training, 'the demo data has a page of each kind');
    // the course player: the coordinator enrols on the published course (once: later it says "Continue")
    if (course) {
      await member.goto(course);
      const enrol = member.getByRole('button', { name: 'Enrol in this course' });
      const go = member.getByRole('link', { name: /^(Start the course|Continue where you stopped)$/ });
      await enrol.or(go).first().waitFor();
      if (await enrol.isVisible()) {
        await enrol.click();
        await member.waitForURL(/\/learn\//);
      }
    }
    /** @type {Shot[]} */
    const memberPages = [
      { name: 'home', path: '/' },
      { name: 'cities', path: '/cities' },
      { name: 'partnerships', path: '/partnerships' },
      ...['overview', 'forum', 'plan', 'visits', 'workshops', 'activity'].map((tab) => ({
        name: `partnership-${tab}`,
        path: `${partnership}/${tab}`,
        screen: tab !== 'overview',
      })),
      { name: 'forums', path: '/forums' },
      { name: 'forum', path: forum },
      { name: 'thread', path: thread },
      { name: 'search', path: '/search?q=newcomers' },
      { name: 'visits', path: '/visits' },
      { name: 'visits-month', path: '/visits?view=month' },
      ...['overview', 'poll', 'agenda', 'participants', 'report'].map((tab) => ({
        name: `visit-${tab}`,
        path: `${visit}/${tab}`,
        screen: tab !== 'overview',
      })),
      { name: 'workshops', path: '/workshops' },
      { name: 'workshop', path: workshop },
      { name: 'room', path: `${workshop}/room` },
      { name: 'profile', path: '/profile' },
      { name: 'notifications', path: '/notifications' },
      { name: 'join-requests', path: '/join-requests' },
      { name: 'moderation', path: '/moderation' },
      { name: 'training', path: '/training' },
      { name: 'training-new', path: '/training/new' },
      ...(training ? [{ name: 'training-request', path: training }] : []),
      ...(course ? [{ name: 'course-player', path: `${course}/learn` }] : []),
    ];
    try {
      for (const language of LANGUAGES) {
        await chooseLanguage(member, language);
        await photograph(member, memberPages, language);
      }
    } finally {
      await chooseLanguage(member, 'en');
    }

    // The demo facilitator: the courses they author, the course editor and the trainer's dashboard.
    const trainer = await newPage({ viewport: SIZES[0] });
    await logIn(trainer, ACCOUNTS.facilitator.email);
    const courseEdit = await firstLink(trainer, '/courses/authored', /^\/courses\/[0-9a-f-]{36}\/edit$/);
    /** @type {Shot[]} */
    const trainerPages = [
      { name: 'courses-authored', path: '/courses/authored' },
      { name: 'course-new', path: '/courses/new' },
      ...(courseEdit ? [{ name: 'course-edit', path: courseEdit }] : []),
      { name: 'training-dashboard', path: '/training/dashboard' },
    ];
    try {
      for (const language of LANGUAGES) {
        await chooseLanguage(trainer, language);
        await photograph(trainer, trainerPages, language);
      }
    } finally {
      await chooseLanguage(trainer, 'en');
    }

    // A reviewer of the advisory board: the review queue and a version under review (when one waits).
    const reviewer = await newPage({ viewport: SIZES[0] });
    await logIn(reviewer, 'reviewer@twinning.demo');
    const review = await firstLink(reviewer, '/courses/reviews', /^\/courses\/reviews\/[0-9a-f-]{36}$/);
    /** @type {Shot[]} */
    const reviewerPages = [
      { name: 'course-reviews', path: '/courses/reviews' },
      ...(review ? [{ name: 'course-review', path: review }] : []),
    ];
    try {
      for (const language of LANGUAGES) {
        await chooseLanguage(reviewer, language);
        await photograph(reviewer, reviewerPages, language);
      }
    } finally {
      await chooseLanguage(reviewer, 'en');
    }

    // The admin: administration and the audit log.
    const admin = await newPage({ viewport: SIZES[0] });
    await logIn(admin, ACCOUNTS.admin.email);
    /** @type {Shot[]} */
    const adminPages = [
      { name: 'admin', path: '/admin' },
      { name: 'audit', path: '/moderation/audit' },
    ];
    try {
      for (const language of LANGUAGES) {
        await chooseLanguage(admin, language);
        await photograph(admin, adminPages, language);
      }
    } finally {
      await chooseLanguage(admin, 'en');
    }
  },
  { timeout: 600_000 },
);
