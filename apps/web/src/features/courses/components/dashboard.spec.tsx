import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  makeAuth,
  makeCourseLearner,
  makeCourseVersionSummary,
  makeMe,
  makeMyOffer,
  makeQuestionStats,
} from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const lucia = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator'] });

describe('Trainer dashboard', () => {
  it('shows the trainer’s offers, delivered trainings, courses, learners and the most missed question', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(lucia));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/training/offers/mine') {
        return jsonResponse({
          items: [
            makeMyOffer(),
            makeMyOffer({
              id: 'offer-2',
              status: 'declined',
              request: {
                ...makeMyOffer().request,
                id: 'training-2',
                title: 'Negotiation basics',
                status: 'matched',
                visible: false,
              },
            }),
            makeMyOffer({
              id: 'offer-3',
              status: 'accepted',
              format: 'in_person',
              request: { ...makeMyOffer().request, id: 'training-3', title: 'Leadership day', status: 'delivered' },
            }),
          ],
          nextCursor: null,
        });
      }
      if (url.pathname === '/api/courses/authored') {
        return jsonResponse([
          makeCourseVersionSummary({ id: 'version-2', number: 2, state: 'in_review', approvalCount: 1 }),
        ]);
      }
      if (url.pathname === '/api/courses/course-1/learners') {
        return jsonResponse([
          makeCourseLearner(),
          makeCourseLearner({ user: { id: 'u2', displayName: 'Mai Tran' }, lessonsDone: 3, quizzesPassed: 1 }),
        ]);
      }
      if (url.pathname === '/api/courses/course-1/versions') {
        return jsonResponse([
          makeCourseVersionSummary({ id: 'version-2', number: 2, state: 'in_review' }),
          makeCourseVersionSummary({
            id: 'version-1',
            number: 1,
            state: 'published',
            publishedAt: '2026-12-01T00:00:00.000Z',
          }),
        ]);
      }
      if (url.pathname === '/api/course-versions/version-1/quiz-stats') {
        return jsonResponse([
          makeQuestionStats(),
          makeQuestionStats({ question: 2, prompt: 'Why listen?', misses: 1 }),
        ]);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/training/dashboard' });
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Trainer dashboard' }, { timeout: 5000 });
    const offers = await screen.findByRole('table', { name: 'Your offers' });
    const [first, second, third] = within(offers).getAllByRole('row').slice(1) as HTMLElement[];
    expect(third).toBeDefined();
    expect(within(first as HTMLElement).getByRole('link', { name: 'Mediation for front desks' })).toHaveAttribute(
      'href',
      '/training/training-1',
    );
    expect(first).toHaveTextContent('Waiting');
    // a request that went to someone else is named, not linked
    expect(within(second as HTMLElement).queryByRole('link')).not.toBeInTheDocument();
    expect(second).toHaveTextContent('Another offer was accepted');
    const delivered = screen.getByRole('region', { name: 'Trainings you delivered' });
    expect(within(delivered).getByRole('link', { name: 'Leadership day' })).toHaveAttribute(
      'href',
      '/training/training-3',
    );

    const courses = await screen.findByRole('region', { name: 'Your courses' });
    expect(await within(courses).findByText('1 of 2 approvals')).toBeInTheDocument();
    expect(within(courses).getByText('In review')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname.endsWith('/learners'))).toBe(false); // loaded when opened
    const toggle = within(courses).getByRole('button', {
      name: 'Show learners and quiz statistics of Mediation at the front desk',
    });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const learners = await screen.findByRole('table', { name: 'Learners' });
    expect(within(learners).getAllByRole('row')).toHaveLength(3);
    expect(learners).toHaveTextContent('Mai Tran');
    expect(learners).toHaveTextContent('3 of 3');
    // statistics of the published version: the most missed question first
    expect(
      await screen.findByText('Most missed: question 1 of “Check your listening”, wrong in 6 of 10 attempts.'),
    ).toBeInTheDocument();
    const stats = screen.getByRole('table', { name: 'Quiz statistics' });
    expect(within(stats).getAllByRole('row')[1]).toHaveTextContent('6 of 10');
  });

  it('shows members without offers or courses an empty dashboard, without the courses part', async () => {
    const ana = makeMe({ cities: [{ cityId: 'c', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }] });
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(ana));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/training/offers/mine') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/training/dashboard' });
    expect(
      await screen.findByText('You have not offered any training yet.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('No delivered training yet.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Your courses' })).not.toBeInTheDocument();
  });
});
