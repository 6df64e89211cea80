import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CourseEnrolmentDto, CourseProgressRequest } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourse, makeCourseEnrolment, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

/** A signed-in learner whose enrolment the stub keeps and updates like the server. */
function serveLearner(start: Partial<CourseEnrolmentDto> = {}, me = makeMe()) {
  let enrolment = makeCourseEnrolment(start);
  const stub = stubFetch(({ method, url, body }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
    if (url.pathname === '/api/courses/course-1/enrolment' && method === 'GET') return jsonResponse(enrolment);
    if (url.pathname === '/api/courses/course-1/progress' && method === 'PUT') {
      const { lessonKey, completed } = body as CourseProgressRequest;
      const done = completed
        ? [...new Set([...enrolment.completedLessonKeys, lessonKey])]
        : enrolment.completedLessonKeys;
      const all = done.length === 3 && enrolment.quizzes.every((q) => q.passed);
      enrolment = {
        ...enrolment,
        lastLessonKey: lessonKey,
        completedLessonKeys: done,
        completed: all,
        certificate: all ? { id: 'cert-1', verificationCode: 'abcdefghijklmnopqrst', revoked: false } : null,
      };
      return jsonResponse(enrolment);
    }
    return apiError(404, 'NOT_FOUND');
  });
  return { ...stub, current: () => enrolment };
}

const outline = () => within(screen.getByRole('navigation', { name: 'Course outline' }));

describe('Course player', () => {
  it('resumes at the lesson the server remembers, marks the current step in the outline, and moves with previous/next', async () => {
    const { requests } = serveLearner({ lastLessonKey: 'lesson-2', completedLessonKeys: ['lesson-1'] });
    const { router } = renderApp({ path: '/courses/course-1/learn' });
    const user = userEvent.setup();

    await waitFor(() => expect(router.state.location.pathname).toBe('/courses/course-1/learn/lesson-2'), {
      timeout: 3000,
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Listening' })).toBeInTheDocument();
    expect(screen.getByText('Listen actively.')).toBeInTheDocument();
    expect(outline().getByRole('link', { current: 'page' })).toHaveTextContent('Listening');
    expect(outline().getByRole('link', { name: /What mediation is\s*\(done\)/ })).toHaveAttribute(
      'href',
      '/courses/course-1/learn/lesson-1',
    );
    // accessible progress: 1 of 4 steps (3 lessons, 1 quiz)
    const bar = screen.getByRole('progressbar', { name: 'Your progress' });
    expect(bar).toHaveAttribute('value', '1');
    expect(bar).toHaveAttribute('max', '4');
    expect(screen.getAllByText('1 of 4 steps done').length).toBeGreaterThan(0);

    const pager = within(screen.getByRole('navigation', { name: 'Previous and next step' }));
    expect(pager.getByRole('link', { name: /Previous\s*What mediation is/ })).toHaveAttribute(
      'href',
      '/courses/course-1/learn/lesson-1',
    );
    await user.click(pager.getByRole('link', { name: /Next\s*Check your basics/ }));
    expect(await screen.findByRole('heading', { level: 2, name: /^Quiz:\s*Check your basics$/ })).toHaveFocus();
    expect(outline().getByRole('link', { current: 'page' })).toHaveTextContent('Check your basics');
    // the lesson opened was not re-sent (already the server's), and a quiz is no lesson to remember
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('remembers a lesson opened, and marks it done; the last one completes the course and shows the certificate', async () => {
    const { requests } = serveLearner({
      lastLessonKey: 'lesson-2',
      completedLessonKeys: ['lesson-1', 'lesson-2'],
      quizzes: [{ quizId: 'quiz-1', attemptsUsed: 1, attemptsLeft: 2, bestScore: 100, passed: true }],
    });
    renderApp({ path: '/courses/course-1/learn/lesson-3' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 2, name: 'Role play' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ lessonKey: 'lesson-3' }]),
    );
    await user.click(screen.getByRole('button', { name: 'Mark as done' }));
    expect(await screen.findByText('Course completed: your certificate is issued.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({ lessonKey: 'lesson-3', completed: true });
    expect(screen.getByRole('heading', { name: 'You completed this course' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your certificate’s verification page' })).toHaveAttribute(
      'href',
      '/verify/abcdefghijklmnopqrst',
    );
    expect(screen.getByRole('progressbar', { name: 'Your progress' })).toHaveAttribute('value', '4');
    expect(screen.queryByRole('button', { name: 'Mark as done' })).not.toBeInTheDocument();
    expect(screen.getByText('✓ You finished this lesson.')).toBeInTheDocument();
  });

  it('offers the move to a newer version, and sends a visitor who is not enrolled to the course page', async () => {
    serveLearner({ newerVersionId: 'version-2', lastLessonKey: 'lesson-1' });
    renderApp({ path: '/courses/course-1/learn/lesson-1' });
    expect(
      await screen.findByText(
        /A newer version of this course is published\. You are on version 1/,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move to the new version' })).toBeInTheDocument();
  });

  it('tells a signed-in reader who is not enrolled where to enrol', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/course-1/learn' });
    expect(
      await screen.findByText(
        'You are not enrolled in this course. Enrol on its page to start.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the course page' })).toHaveAttribute('href', '/courses/course-1');
  });
});
