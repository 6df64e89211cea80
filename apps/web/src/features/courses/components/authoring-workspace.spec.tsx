import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourseVersion, makeCourseVersionSummary, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const lucia = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator'] });

describe('Course workspace', () => {
  it('lists each version’s state; a published version is frozen and a new version starts from it', async () => {
    const published = makeCourseVersion({ state: 'published', publishedAt: '2026-12-04T10:00:00.000Z' });
    const draft = makeCourseVersion({ id: 'version-2', number: 2, state: 'draft' });
    let history = [makeCourseVersionSummary({ state: 'published', publishedAt: '2026-12-04T10:00:00.000Z' })];
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(lucia));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/courses/course-1/versions' && method === 'GET') return jsonResponse(history);
      if (url.pathname === '/api/courses/course-1/versions' && method === 'POST') {
        history = [makeCourseVersionSummary({ id: 'version-2', number: 2 }), ...history.map((v) => ({ ...v }))];
        return jsonResponse(draft, 201);
      }
      if (url.pathname === '/api/course-versions/version-1') return jsonResponse(published);
      if (url.pathname === '/api/course-versions/version-2') return jsonResponse(draft);
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses/course-1/edit' });
    const user = userEvent.setup();

    expect(await screen.findByText(/Version 1 is published and frozen/, {}, { timeout: 5000 })).toBeInTheDocument();
    const versions = screen.getByRole('region', { name: 'Versions' });
    expect(versions).toHaveTextContent('Version 1');
    expect(within(versions).getByText('Published')).toBeInTheDocument();
    expect(versions).toHaveTextContent('By Lucía Fernández');
    // frozen: no form, its contents by title
    expect(screen.queryByRole('button', { name: 'Save the draft' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Contents' })).toHaveTextContent('Active listening');

    await user.click(screen.getByRole('button', { name: 'Start a new version' }));
    expect(await screen.findByText('Version 2 started as a draft, copied from the published one.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Save the draft' })).toBeInTheDocument();
    expect(screen.getByText(/Version 2 is a draft/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Versions' })).getByText('Draft')).toBeInTheDocument();
    expect(
      requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/courses/course-1/versions'),
    ).toHaveLength(1);
  });
});
