import type { CourseVersionDto, CreateCourseRequest } from '@twinning/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourseVersion, makeCourseVersionSummary, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const lucia = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator'] });

function baseHandler(url: URL) {
  if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(lucia));
  if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
  return null;
}

describe('Course editor', () => {
  it('adds, removes and moves lessons and questions with buttons, and sends the course as written', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      const base = baseHandler(url);
      if (base) return base;
      if (url.pathname === '/api/courses' && method === 'POST') return jsonResponse(makeCourseVersion(), 201);
      if (url.pathname === '/api/courses/course-1/versions') return jsonResponse([makeCourseVersionSummary()]);
      if (url.pathname === '/api/course-versions/version-1') return jsonResponse(makeCourseVersion());
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/courses/new' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'New course' }, { timeout: 5000 })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Title'), 'Mediation at the front desk');
    await user.click(screen.getByRole('checkbox', { name: 'Integration' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Practical mediation.');
    await user.type(screen.getByLabelText('Module title'), 'Listening');

    const lessons = screen.getByRole('list', { name: 'Lessons of Module 1' });
    expect(within(lessons).getAllByRole('listitem')).toHaveLength(1);
    // the only lesson cannot be removed
    expect(within(lessons).getByRole('button', { name: 'Remove Lesson 1' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add a lesson to Module 1' }));
    await user.click(screen.getByRole('button', { name: 'Add a lesson to Module 1' }));
    expect(within(lessons).getAllByRole('listitem')).toHaveLength(3);
    const titles = within(lessons).getAllByLabelText('Lesson title');
    await user.type(titles[0] as HTMLElement, 'First');
    await user.type(titles[1] as HTMLElement, 'Second');
    await user.type(titles[2] as HTMLElement, 'Third');
    const bodies = within(lessons).getAllByRole('textbox', { name: 'Lesson text' });
    for (const [i, body] of bodies.entries()) await user.type(body, `Body ${i + 1}`);
    // remove the second lesson, then move the (new) second one up: Third, First
    await user.click(within(lessons).getByRole('button', { name: 'Remove Lesson 2' }));
    expect(screen.getByText('Lesson 2 removed.')).toBeInTheDocument();
    await user.click(within(lessons).getByRole('button', { name: 'Move up: Lesson 2' }));
    expect(screen.getByText('Lesson 2 moved to position 1.')).toBeInTheDocument();
    expect(
      within(lessons)
        .getAllByLabelText<HTMLInputElement>('Lesson title')
        .map((i) => i.value),
    ).toEqual(['Third', 'First']);

    // a quiz with a multiple-choice question of three options, then a second question removed again
    await user.click(screen.getByRole('button', { name: 'Add a quiz to Module 1' }));
    await user.type(screen.getByLabelText('Quiz title'), 'Check');
    await user.selectOptions(screen.getByLabelText('Kind of question'), 'multiple');
    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Which come first?');
    await user.click(screen.getByRole('button', { name: 'Add an option' }));
    const options = screen.getAllByRole('textbox', { name: /^Option \d$/ });
    for (const [i, option] of options.entries()) await user.type(option, `Answer ${i + 1}`);
    await user.click(screen.getByRole('checkbox', { name: 'Option 3 is right' }));
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const questions = screen.getByRole('list', { name: 'Questions of Quiz 1, Module 1' });
    expect(within(questions).getAllByRole('group', { name: /^Question \d$/ })).toHaveLength(2);
    await user.click(within(questions).getByRole('button', { name: 'Remove Question 2' }));
    expect(within(questions).getAllByRole('group', { name: /^Question \d$/ })).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: 'Limited' }));
    await user.clear(screen.getByLabelText('Attempts allowed'));
    await user.type(screen.getByLabelText('Attempts allowed'), '2');

    await user.click(screen.getByRole('button', { name: 'Create the course' }));
    await screen.findByRole('heading', { level: 1, name: 'Edit: Mediation at the front desk' }, { timeout: 5000 });
    expect(router.state.location.pathname).toBe('/courses/course-1/edit');
    const sent = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/courses')
      ?.body as CreateCourseRequest;
    expect(sent).toMatchObject({
      title: 'Mediation at the front desk',
      language: 'en',
      themes: ['integration'],
      description: 'Practical mediation.',
      estimatedHours: 1,
      coAuthorIds: [],
    });
    expect(sent.modules).toEqual([
      {
        title: 'Listening',
        lessons: [
          { title: 'Third', body: 'Body 3' },
          { title: 'First', body: 'Body 1' },
        ],
        quizzes: [
          {
            title: 'Check',
            passMark: 70,
            maxAttempts: 2,
            questions: [
              {
                kind: 'multiple',
                prompt: 'Which come first?',
                options: [
                  { text: 'Answer 1', correct: true },
                  { text: 'Answer 2', correct: false },
                  { text: 'Answer 3', correct: true },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('shows the API’s field errors next to the fields they name, and the others at the top', async () => {
    const draft = makeCourseVersion({
      modules: [
        {
          ...(makeCourseVersion().modules[0] as CourseVersionDto['modules'][number]),
          lessons: [
            { key: 'lesson-a', title: 'Active listening', body: 'Listen.', bodyHtml: '<p>Listen.</p>' },
            { key: 'lesson-b', title: 'Asking', body: 'Ask.', bodyHtml: '<p>Ask.</p>' },
          ],
        },
      ],
      comments: [
        {
          id: 'comment-1',
          lessonKey: 'lesson-b',
          reviewer: { id: 'user-rev', displayName: 'Rita Reviewer' },
          body: 'Add an example.',
          bodyHtml: '<p>Add an example.</p>',
          round: 1,
          createdAt: '2026-12-03T10:00:00.000Z',
        },
      ],
    });
    const { requests } = stubFetch(({ url, method }) => {
      const base = baseHandler(url);
      if (base) return base;
      if (url.pathname === '/api/courses/course-1/versions') return jsonResponse([makeCourseVersionSummary()]);
      if (url.pathname === '/api/course-versions/version-1') return jsonResponse(draft);
      if (url.pathname === '/api/courses/course-1/draft' && method === 'PUT') {
        return apiError(400, 'VALIDATION_FAILED', 'Invalid', {
          fields: {
            'modules.0.lessons.1.title': ['modules.0.lessons.1.title is required'],
            'modules.0.quizzes.0.questions.0.options': [
              'modules.0.quizzes.0.questions.0.options: a single-choice question needs exactly one correct option',
            ],
            'modules.0.extra': ['modules.0.extra should not exist'],
          },
        });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/course-1/edit' });
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Edit: Mediation at the front desk' }, { timeout: 5000 });
    // the reviewer's comment is shown with the lesson it is about
    const asking = await screen.findByRole('group', { name: 'Lesson 2: Asking' });
    expect(within(asking).getByText('Add an example.')).toBeInTheDocument();
    expect(within(asking).getByText(/Rita Reviewer, review round 1/)).toBeInTheDocument();

    await user.clear(within(asking).getByLabelText('Lesson title'));
    await user.click(screen.getByRole('button', { name: 'Save the draft' }));

    const title = await screen.findByRole('textbox', { name: 'Lesson title', description: 'Is required' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveFocus();
    expect(
      within(screen.getByRole('group', { name: 'Lesson 1: Active listening' })).getByLabelText('Lesson title'),
    ).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('A single-choice question needs exactly one correct option')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some fields need your attention.');
    expect(alert).toHaveTextContent('modules.0.extra should not exist');
    // the lesson keeps its key, so the review comments stay attached to it
    const put = requests.find((r) => r.method === 'PUT');
    expect((put?.body as { modules: { lessons: { key?: string }[] }[] }).modules[0]?.lessons.map((l) => l.key)).toEqual(
      ['lesson-a', 'lesson-b'],
    );
  });
});
