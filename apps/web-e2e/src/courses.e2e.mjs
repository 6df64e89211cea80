// @ts-check
/**
 * A learner takes an online course from enrolment to certificate. Over the API, the demo facilitator writes a
 * course (a title of its own, so the suite can run again) and two demo reviewers approve it: it is published.
 * In the browser, a visitor finds it in the catalogue (filtered by language, in the address); the demo member
 * signs in, enrols from the course page, marks both lessons done, fails the quiz once and passes it, all by
 * keyboard (a radio group, checkboxes), sees which question was wrong only after submitting, gets the
 * certificate banner and opens the certificate's verification page (valid). axe on the catalogue, the course
 * page, the player and the quiz's grade in English and Arabic; at 390 px in Arabic the player is right to left,
 * its outline folds behind a button and nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  apiAs,
  axe,
  documentLanguage,
  eventually,
  saveScreenshot,
  scenario,
  tabTo,
  uniqueSuffix,
} from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const AUTHOR = 'facilitator@twinning.demo';
const REVIEWERS = ['reviewer@twinning.demo', 'facilitator.reviewer@twinning.demo'];

/** Writes a course as the demo facilitator; two demo reviewers approve it. Answers its id and title. */
async function publishedCourse() {
  const title = `Listening across languages ${uniqueSuffix()}`;
  const author = await apiAs(AUTHOR);
  const version = await author('POST', '/api/courses', {
    title,
    language: 'en',
    themes: ['integration'],
    description: 'How front-desk staff listen to newcomers who speak another language.\nTwo short lessons and a quiz.',
    estimatedHours: 2,
    modules: [
      {
        title: 'Listening',
        lessons: [
          { title: 'Why listening matters', body: 'Listening **first** saves time later.' },
          { title: 'Working with interpreters', body: 'Speak to the person, *not* to the interpreter.' },
        ],
        quizzes: [
          {
            title: 'Check your listening',
            passMark: 100,
            maxAttempts: 3,
            questions: [
              {
                kind: 'single',
                prompt: 'Who do you speak to when an interpreter helps?',
                options: [
                  { text: 'The person', correct: true },
                  { text: 'The interpreter', correct: false },
                ],
              },
              {
                kind: 'multiple',
                prompt: 'Which habits help?',
                options: [
                  { text: 'Short sentences', correct: true },
                  { text: 'Checking understanding', correct: true },
                  { text: 'Speaking louder', correct: false },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  await author('POST', `/api/course-versions/${version.id}/submit`);
  for (const email of REVIEWERS) {
    await (
      await apiAs(email)
    )('POST', `/api/course-versions/${version.id}/approve`);
  }
  const course = await author('GET', `/api/courses/${version.courseId}`);
  assert.equal(course.title, title, 'the course is published');
  return { id: /** @type {string} */ (version.courseId), title };
}

/** @param {Page} page */
const pageOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/**
 * The elements that reach past the screen's sides (to name them when a page scrolls sideways).
 * @param {Page} page
 */
const overflowing = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const clipped = getComputedStyle(element).overflowX !== 'visible';
        return (
          (box.width > 0 && (box.right > innerWidth + 1 || box.left < -1)) ||
          (!clipped && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
        );
      })
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
      .join(', ')
      .concat(` (document ${document.documentElement.scrollWidth} px wide, screen ${innerWidth} px)`),
  );

/**
 * Fails unless the page fits the screen's width (nothing to scroll sideways), naming what sticks out.
 * @param {Page} page
 * @param {string} what
 */
async function fitsWidth(page, what) {
  await eventually(async () =>
    assert.ok((await pageOverflow(page)) <= 0, `${what} fits 390 px; too wide: ${await overflowing(page)}`),
  );
}

/**
 * Answers the quiz with the keyboard only: Space picks the focused radio or checkbox, Tab moves on.
 * @param {Page} page
 * @param {{ person: boolean, habits: ('Short sentences' | 'Checking understanding' | 'Speaking louder')[] }} answers
 */
async function answerByKeyboard(page, answers) {
  const quiz = page.getByRole('form', { name: /^Quiz “Check your listening”$/ });
  const q1 = quiz.getByRole('group', { name: /Who do you speak to/ });
  const q2 = quiz.getByRole('group', { name: /Which habits help/ });
  await tabTo(page, q1.getByRole('radio', { name: 'The person' }));
  await page.keyboard.press('Space');
  // arrows move within the radio group (and choose)
  if (!answers.person) await page.keyboard.press('ArrowDown');
  assert.ok(await q1.getByRole('radio', { name: answers.person ? 'The person' : 'The interpreter' }).isChecked());
  for (const option of ['Short sentences', 'Checking understanding', 'Speaking louder']) {
    const box = q2.getByRole('checkbox', { name: option });
    await tabTo(page, box, { max: 3 });
    if (answers.habits.includes(/** @type {any} */ (option))) await page.keyboard.press('Space');
  }
  await tabTo(page, quiz.getByRole('button', { name: 'Submit my answers' }), { max: 3 });
  await page.keyboard.press('Enter');
  return { q1, q2 };
}

scenario(
  'a learner enrols, finishes the lessons, passes the quiz by keyboard and verifies the certificate; axe en/ar',
  async ({ newPage }) => {
    const course = await publishedCourse();

    // A visitor finds the course in the catalogue, filtered by language.
    const visitor = await newPage({ axe: true, viewport: { width: 1280, height: 900 } });
    await visitor.goto('/courses');
    const filters = visitor.getByRole('form', { name: 'Filter courses' });
    await filters.getByLabel('Language').selectOption('en');
    await visitor.waitForURL('**/courses?language=en');
    await filters.getByLabel('Theme').selectOption('integration');
    await visitor.waitForURL('**/courses?language=en&theme=integration');
    await visitor.getByRole('link', { name: course.title }).waitFor();
    await axe(visitor, { name: 'course-catalogue' });
    await visitor.getByRole('link', { name: course.title }).click();
    await visitor.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await visitor.getByRole('link', { name: 'Log in to enrol' }).waitFor();
    await axe(visitor, { name: 'course-page-visitor' });

    // The member signs in, enrols and lands on the first lesson.
    const page = await newPage({ axe: true, viewport: { width: 1280, height: 900 } });
    await logIn(page, ACCOUNTS.member.email);
    await page.goto(`/courses/${course.id}`);
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Course outline' }).waitFor();
    await axe(page, { name: 'course-page' });
    await page.getByRole('button', { name: 'Enrol in this course' }).click();
    await page.waitForURL(`**/courses/${course.id}/learn/*`);
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    const step = page.getByRole('heading', { level: 2 }).filter({ hasText: 'Why listening matters' });
    await step.waitFor();
    assert.equal(await outline.locator('a[aria-current="page"]').textContent(), '•Why listening matters');
    await page.getByText('Listening first saves time later.').waitFor();
    await axe(page, { name: 'course-player' });

    // Both lessons marked done, by keyboard; next moves on.
    const progress = page.getByRole('progressbar', { name: 'Your progress' });
    await tabTo(page, page.getByRole('button', { name: 'Mark as done' }));
    await page.keyboard.press('Enter');
    await page.getByText('✓ You finished this lesson.').waitFor();
    await eventually(async () => assert.equal(await progress.getAttribute('value'), '1'));
    await page.getByRole('navigation', { name: 'Previous and next step' }).getByRole('link', { name: /Next/ }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Working with interpreters' }).waitFor();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByText('✓ You finished this lesson.').waitFor();
    await page.getByRole('navigation', { name: 'Previous and next step' }).getByRole('link', { name: /Next/ }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'Check your listening' }).waitFor();

    // Resuming on another device: the server remembers the lesson and what is done.
    const elsewhere = await newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(elsewhere, ACCOUNTS.member.email);
    await elsewhere.goto(`/courses/${course.id}`);
    await elsewhere.getByText('2 of 3 steps done').waitFor();
    await elsewhere.getByRole('link', { name: 'Continue where you stopped' }).click();
    await elsewhere.getByRole('heading', { level: 2 }).filter({ hasText: 'Check your listening' }).waitFor();
    await elsewhere.close();

    // The quiz: nothing says right or wrong before submitting; a wrong answer is pointed out after.
    await page.getByText('Pass mark: 100 %').waitFor();
    assert.equal(await page.getByText('Wrong', { exact: true }).count(), 0);
    assert.equal(await page.getByText('Right', { exact: true }).count(), 0);
    const first = await answerByKeyboard(page, { person: true, habits: ['Short sentences', 'Speaking louder'] });
    await page.getByText('Not passed: your score is 50 %, the pass mark 100 %.').waitFor();
    await first.q1.getByText('Right', { exact: true }).waitFor();
    await first.q2.getByText('Wrong', { exact: true }).waitFor();
    await page.getByText('2 attempts left of 3').waitFor();
    await axe(page, { name: 'course-quiz-graded' });
    await saveScreenshot(page, 'course-quiz-graded-en-1280');
    await tabTo(page, page.getByRole('button', { name: 'Try again' }));
    await page.keyboard.press('Enter');
    await answerByKeyboard(page, { person: true, habits: ['Short sentences', 'Checking understanding'] });
    await page.getByText('Passed: your score is 100 %.').waitFor();

    // Complete: the certificate's banner, and its verification page.
    const banner = page.getByRole('region', { name: 'You completed this course' });
    await banner.waitFor();
    await eventually(async () => assert.equal(await progress.getAttribute('value'), '3'));
    await axe(page, { name: 'course-complete' });
    await banner.getByRole('link', { name: 'Open your certificate’s verification page' }).click();
    await page.waitForURL('**/verify/*');
    const main = page.getByRole('main');
    await main.getByText('This certificate is valid.').waitFor();
    await main.getByText(course.title).waitFor();
    await main.getByText(ACCOUNTS.member.displayName).waitFor();
    await axe(page, { name: 'course-certificate-verify' });

    // Arabic, at 390 px: right to left, the outline folded behind a button, nothing sideways.
    await restoringLanguage(page, 'en', async () => {
      await chooseLanguage(page, 'ar');
      assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/courses/${course.id}/learn`);
      const arOutline = page.getByRole('navigation', { name: 'مخطط الدورة' });
      const toggle = arOutline.getByRole('button', { name: 'مخطط الدورة' });
      await toggle.waitFor();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await arOutline.getByRole('link').first().isVisible(), false, 'the outline is folded');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await arOutline.getByRole('link').first().waitFor();
      await page.getByRole('heading', { level: 2, name: 'لقد أكملت هذه الدورة' }).waitFor();
      await fitsWidth(page, 'the player');
      await axe(page, { name: 'course-player-ar' });
      await saveScreenshot(page, 'course-player-ar-390');
      await page.goto(`/courses/${course.id}`);
      await page.getByRole('heading', { level: 2, name: 'مخطط الدورة' }).waitFor();
      await fitsWidth(page, 'the course page');
      await axe(page, { name: 'course-page-ar' });
      await page.goto('/courses');
      await page.getByRole('link', { name: course.title }).waitFor();
      await fitsWidth(page, 'the catalogue');
      await axe(page, { name: 'course-catalogue-ar' });
    });
  },
  { timeout: 240_000 },
);
