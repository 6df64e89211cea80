import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourse, makeCourseEnrolment, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('Course page', () => {
  it('shows a visitor the course and its outline, and asks them to sign in to enrol', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/course-1' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mediation for city officials' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Lucía Fernández')).toBeInTheDocument();
    expect(screen.getByText('1, published on Nov 20, 2026')).toBeInTheDocument();
    const outline = screen.getByRole('heading', { level: 2, name: 'Course outline' }).parentElement as HTMLElement;
    expect(within(outline).getByRole('heading', { level: 3, name: 'Foundations' })).toBeInTheDocument();
    expect(within(outline).getByText('Role play')).toBeInTheDocument();
    expect(within(outline).getByText('Check your basics')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to enrol' })).toHaveAttribute(
      'href',
      '/login?next=%2Fcourses%2Fcourse-1',
    );
    expect(screen.queryByRole('button', { name: 'Enrol in this course' })).not.toBeInTheDocument();
  });

  it('enrols a signed-in reader and opens the player on the first lesson', async () => {
    let enrolled = false;
    const { requests } = stubFetch(({ method, url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
      if (url.pathname === '/api/courses/course-1/enrolment') {
        if (method === 'POST') enrolled = true;
        return enrolled
          ? jsonResponse(makeCourseEnrolment(), method === 'POST' ? 201 : 200)
          : apiError(404, 'NOT_FOUND');
      }
      if (url.pathname === '/api/courses/course-1/progress')
        return jsonResponse(makeCourseEnrolment({ lastLessonKey: 'lesson-1' }));
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/courses/course-1' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Enrol in this course' }, { timeout: 5000 }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/courses/course-1/learn/lesson-1'));
    expect(await screen.findByRole('heading', { level: 2, name: 'What mediation is' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname === '/api/courses/course-1/enrolment')).toBe(
      true,
    );
  });

  it('offers an enrolled learner to continue where they stopped, with their progress', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
      if (url.pathname === '/api/courses/course-1/enrolment') {
        return jsonResponse(makeCourseEnrolment({ lastLessonKey: 'lesson-2', completedLessonKeys: ['lesson-1'] }));
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/course-1' });
    expect(await screen.findByRole('link', { name: 'Continue where you stopped' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/courses/course-1/learn/lesson-2',
    );
    expect(screen.getByText('(at “Listening”)')).toBeInTheDocument();
    expect(screen.getByText('1 of 4 steps done')).toBeInTheDocument();
  });
});
