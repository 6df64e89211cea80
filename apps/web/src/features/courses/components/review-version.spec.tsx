import type { CourseRequestChangesRequest } from '@twinning/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourseVersion, makeCourseVersionSummary, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const inReview = makeCourseVersion({
  state: 'in_review',
  reviewRound: 1,
  submittedAt: '2026-12-02T10:00:00.000Z',
  approvals: [{ id: 'user-ravi', displayName: 'Ravi Reviewer' }],
});

function session(me: ReturnType<typeof makeMe>) {
  return (url: URL) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    return null;
  };
}

describe('Course review', () => {
  it('lists versions in review with their approvals, and lets a reviewer comment, then request changes', async () => {
    const rita = makeMe({ id: 'user-rita', displayName: 'Rita Reviewer', roles: ['reviewer'] });
    const base = session(rita);
    const { requests } = stubFetch(({ url, method }) => {
      const answer = base(url);
      if (answer) return answer;
      if (url.pathname === '/api/course-reviews') {
        return jsonResponse([makeCourseVersionSummary({ state: 'in_review', approvalCount: 1 })]);
      }
      if (url.pathname === '/api/course-versions/version-1' && method === 'GET') return jsonResponse(inReview);
      if (url.pathname === '/api/course-versions/version-1/comments' && method === 'POST') {
        return jsonResponse({
          ...inReview,
          comments: [
            {
              id: 'c1',
              lessonKey: 'lesson-a',
              reviewer: { id: 'user-rita', displayName: 'Rita Reviewer' },
              body: 'Shorter, please.',
              bodyHtml: '<p>Shorter, please.</p>',
              round: 1,
              createdAt: '2026-12-03T10:00:00.000Z',
            },
          ],
        });
      }
      if (url.pathname === '/api/course-versions/version-1/request-changes' && method === 'POST') {
        return jsonResponse({ ...inReview, state: 'draft' });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/reviews' });
    const user = userEvent.setup();

    const queue = await screen.findByRole('list', { name: 'Versions in review' }, { timeout: 5000 });
    expect(queue).toHaveTextContent('1 of 2 approvals');
    expect(queue).toHaveTextContent('By Lucía Fernández');
    await user.click(within(queue).getByRole('link', { name: 'Mediation at the front desk' }));

    await screen.findByRole('heading', { level: 1, name: 'Review: Mediation at the front desk' });
    expect(screen.getByText('first', { selector: 'strong' })).toBeInTheDocument(); // the lesson as learners will see it
    expect(
      screen.getByText((_, el) => el?.tagName === 'LI' && el.textContent === 'Listening — right answer'),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 of 2 approvals \(Ravi Reviewer\)/)).toBeInTheDocument();

    // requesting changes needs a comment
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    expect(screen.getByRole('alert')).toHaveTextContent('write a comment on at least one lesson');
    expect(requests.some((r) => r.url.pathname.endsWith('/request-changes'))).toBe(false);

    const box = screen.getByRole('textbox', { name: 'Your comment on “Active listening”' });
    await user.type(box, 'Shorter, please.');
    await user.click(screen.getByRole('button', { name: 'Add the comment' }));
    expect(await screen.findByText('Comment added to “Active listening”.')).toBeInTheDocument();
    expect(screen.getByText('Shorter, please.')).toBeInTheDocument();
    expect(box).toHaveValue('');

    await user.type(box, 'Add a **case**.');
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    expect(await screen.findByText(/Changes requested: the version is back to draft/)).toBeInTheDocument();
    const sent = requests.find((r) => r.url.pathname.endsWith('/request-changes'))?.body as CourseRequestChangesRequest;
    expect(sent).toEqual({ comments: [{ lessonKey: 'lesson-a', body: 'Add a **case**.' }] });
    // back to draft: nothing left to decide here
    expect(screen.queryByRole('button', { name: 'Approve this version' })).not.toBeInTheDocument();
    expect(screen.getByText('This version is no longer in review (Draft).')).toBeInTheDocument();
  });

  it('hides the decision from the course’s own authors, even when they are reviewers, and says why', async () => {
    const lucia = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator', 'reviewer'] });
    const base = session(lucia);
    stubFetch(({ url }) => {
      const answer = base(url);
      if (answer) return answer;
      if (url.pathname === '/api/course-versions/version-1') return jsonResponse(inReview);
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/reviews/version-1' });

    await screen.findByRole('heading', { level: 1, name: 'Review: Mediation at the front desk' }, { timeout: 5000 });
    expect(screen.getByText(/You are an author of this course, so you cannot review it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve this version' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Request changes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Your comment on/ })).not.toBeInTheDocument();
  });

  it('approves: the second approval publishes', async () => {
    const omar = makeMe({ id: 'user-omar', displayName: 'Omar Reviewer', roles: ['reviewer'] });
    const base = session(omar);
    const { requests } = stubFetch(({ url, method }) => {
      const answer = base(url);
      if (answer) return answer;
      if (url.pathname === '/api/course-versions/version-1' && method === 'GET') return jsonResponse(inReview);
      if (url.pathname === '/api/course-versions/version-1/approve' && method === 'POST') {
        return jsonResponse({
          ...inReview,
          state: 'published',
          approvals: [...inReview.approvals, { id: 'user-omar', displayName: 'Omar Reviewer' }],
        });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/reviews/version-1' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Approve this version' }, { timeout: 5000 }));
    expect(await screen.findByText('Approved: the course is now published.')).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname.endsWith('/approve'))).toHaveLength(1);
    expect(screen.getByText('Published')).toBeInTheDocument();
  });
});
