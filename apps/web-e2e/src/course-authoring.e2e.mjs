// @ts-check
/**
 * Authoring and reviewing a course through the browser: the demo facilitator (Lucía Fernández) writes a new
 * course — a lesson with a Markdown preview, a quiz with a single-choice question — and submits it for review;
 * the two demo reviewers (Kwame Mensah, Hélène Dubois) each open it from the review queue and approve it; the
 * course is then published (listed by `GET /api/courses`), and the author's pages say so. Keyboard: the
 * editor's add and move buttons are used with the keyboard. axe on the editor, the queue, the review page and
 * the trainer's dashboard in English and Arabic; at 390 px nothing makes the page scroll sideways.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, eventually, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** The demo accounts of the advisory board (apps/api/src/database/seed/demo-data.ts). */
const REVIEWERS = [
  { email: 'reviewer@twinning.demo', displayName: 'Kwame Mensah' },
  { email: 'facilitator.reviewer@twinning.demo', displayName: 'Hélène Dubois' },
];

/** @param {Page} page */
const pageOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/**
 * Asserts the page does not scroll sideways; the message names the elements that stick out.
 * @param {Page} page
 * @param {string} what
 */
async function assertFits(page, what) {
  await eventually(async () => {
    const overflow = await pageOverflow(page);
    if (overflow <= 0) return;
    const offenders = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.left < -0.5 || box.right > innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1;
        })
        .slice(0, 30)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.getBoundingClientRect().left}..${el.getBoundingClientRect().right}`,
        ),
    );
    assert.fail(`${what}: ${overflow}px too wide; ${offenders.join('; ')}`);
  });
}

scenario(
  'a facilitator writes a course and submits it; two reviewers approve it and it is published',
  async ({ newPage }) => {
    const title = `Mediation at the front desk ${Date.now().toString(36)}`;
    const author = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
    await logIn(author, ACCOUNTS.facilitator.email);

    // From the training section to the courses the facilitator authors, then a new course.
    await author.goto('/training');
    await author
      .getByRole('navigation', { name: 'More in training' })
      .getByRole('link', { name: 'Courses you author' })
      .click();
    await author.getByRole('heading', { level: 1, name: 'Your courses' }).waitFor();
    await author.getByRole('link', { name: 'Write a new course' }).click();
    await author.getByRole('heading', { level: 1, name: 'New course' }).waitFor();

    const main = author.getByRole('main');
    await main.getByLabel('Title', { exact: true }).fill(title);
    await main.getByRole('checkbox', { name: 'Integration' }).check();
    await main
      .getByRole('textbox', { name: 'Description' })
      .fill('Practical mediation for the people at the front desk.');
    await main.getByLabel('Estimated hours').fill('2');
    await main.getByLabel('Module title').fill('Listening');
    await main.getByLabel('Lesson title').fill('Active listening');
    await main.getByRole('textbox', { name: 'Lesson text' }).fill('Listen **first**, then answer.\n\n- ask\n- repeat');
    // the preview is the server's sanitised rendering
    const lesson = main.getByRole('group', { name: 'Lesson 1: Active listening' });
    await lesson.getByRole('tab', { name: 'Preview' }).click();
    await lesson.locator('.post-markdown strong', { hasText: 'first' }).waitFor();
    await lesson.getByRole('tab', { name: 'Preview' }).press('ArrowLeft');
    await lesson.getByRole('textbox', { name: 'Lesson text' }).waitFor();

    // keyboard: add a second lesson, move it up, remove it again
    await main.getByRole('button', { name: 'Add a lesson to Module 1' }).focus();
    await author.keyboard.press('Enter');
    await main.getByRole('group', { name: 'Lesson 2' }).waitFor();
    await main.getByRole('button', { name: 'Move up: Lesson 2' }).focus();
    await author.keyboard.press('Enter');
    await main.getByText('Lesson 2 moved to position 1.').waitFor();
    await main.getByRole('button', { name: 'Remove Lesson 1' }).focus();
    await author.keyboard.press('Enter');
    await main.getByText('Lesson 1 removed.').waitFor();
    await main.getByRole('group', { name: 'Lesson 1: Active listening' }).waitFor();

    await main.getByRole('button', { name: 'Add a quiz to Module 1' }).click();
    await main.getByLabel('Quiz title').fill('Check your listening');
    await main.getByRole('textbox', { name: 'Question', exact: true }).fill('What comes first?');
    await main.getByRole('textbox', { name: 'Option 1' }).fill('Listening');
    await main.getByRole('textbox', { name: 'Option 2' }).fill('Answering');
    await axe(author, { name: 'course-new' });
    await main.getByRole('button', { name: 'Create the course' }).click();

    await author.getByRole('heading', { level: 1, name: `Edit: ${title}` }).waitFor();
    await author.getByText('Version 1 is a draft').waitFor();
    await axe(author, { name: 'course-edit' });
    const editUrl = new URL(author.url()).pathname;
    await restoringLanguage(author, 'en', async () => {
      await chooseLanguage(author, 'ar');
      await author.getByRole('button', { name: 'حفظ المسودة' }).waitFor();
      await axe(author, { name: 'course-edit-ar' });
      await author.setViewportSize({ width: 390, height: 844 });
      await assertFits(author, 'the editor fits 390 px in Arabic');
    });
    await author.setViewportSize({ width: 1280, height: 900 });
    await main.getByRole('button', { name: 'Save and submit for review' }).click();
    await author.getByText('Version 1 is in review (0 of 2 approvals)').waitFor();

    // Each reviewer finds it in the queue, reads it lesson by lesson and approves it.
    for (const [index, reviewer] of REVIEWERS.entries()) {
      const page = await newPage({ viewport: { width: 1280, height: 900 }, axe: true });
      await logIn(page, reviewer.email);
      await page.goto('/training');
      await page
        .getByRole('navigation', { name: 'More in training' })
        .getByRole('link', { name: 'Courses to review' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Courses to review' }).waitFor();
      const entry = page
        .getByRole('list', { name: 'Versions in review' })
        .getByRole('listitem')
        .filter({ hasText: title });
      await entry.getByText(`${index} of 2 approvals`).waitFor();
      if (index === 0) await axe(page, { name: 'course-reviews' });
      await entry.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: `Review: ${title}` }).waitFor();
      await page.locator('.post-markdown strong', { hasText: 'first' }).waitFor();
      await page.getByText('What comes first?').waitFor();
      if (index === 0) {
        await axe(page, { name: 'course-review' });
      } else {
        await restoringLanguage(page, 'en', async () => {
          await chooseLanguage(page, 'ar');
          await page.getByRole('button', { name: 'الموافقة على هذا الإصدار' }).waitFor();
          await axe(page, { name: 'course-review-ar' });
          await page.setViewportSize({ width: 390, height: 844 });
          await assertFits(page, 'the review page fits 390 px');
        });
      }
      await page.getByRole('button', { name: 'Approve this version' }).click();
      await page
        .getByText(
          index === 0 ? 'Approved. One more approval publishes the course.' : 'Approved: the course is now published.',
        )
        .waitFor();
    }

    // Published: in the public catalogue, and so say the author's pages.
    await eventually(async () => {
      /** @type {{ items: { title: string, versionNumber: number }[] }} */
      const catalogue = await author.evaluate(() => fetch('/api/courses?limit=100').then((r) => r.json()));
      assert.ok(
        catalogue.items.some((c) => c.title === title && c.versionNumber === 1),
        'the course is listed by GET /api/courses',
      );
    });
    await author.goto(editUrl);
    await author.getByText('Version 1 is published and frozen.').waitFor();
    await author.getByRole('button', { name: 'Start a new version' }).waitFor();

    // The trainer's dashboard, from the training section: the course with its state.
    await author.goto('/training');
    await author
      .getByRole('navigation', { name: 'More in training' })
      .getByRole('link', { name: 'Your trainer dashboard' })
      .click();
    await author.getByRole('heading', { level: 1, name: 'Trainer dashboard' }).waitFor();
    const course = author
      .getByRole('region', { name: 'Your courses' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await course.getByText('Published').waitFor();
    await course.getByRole('button', { name: `Show learners and quiz statistics of ${title}` }).click();
    await course.getByText('No learner has enrolled yet.').waitFor();
    await axe(author, { name: 'trainer-dashboard' });
    await restoringLanguage(author, 'en', async () => {
      await chooseLanguage(author, 'ar');
      await author.getByRole('heading', { level: 1, name: 'لوحة المدرّب' }).waitFor();
      await axe(author, { name: 'trainer-dashboard-ar' });
      await author.setViewportSize({ width: 390, height: 844 });
      await assertFits(author, 'the dashboard fits 390 px');
    });
  },
  { timeout: 300_000 },
);
