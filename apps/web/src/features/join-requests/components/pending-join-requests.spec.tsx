import type { JoinRequestDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeJoinRequest, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const coordinator = makeMe({
  id: 'user-li',
  displayName: 'Li Wei',
  email: 'li@example.org',
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

describe('Join requests page', () => {
  it('lists pending requests and approves one, removing it from the table', async () => {
    let pending: JoinRequestDto[] = [
      makeJoinRequest(),
      makeJoinRequest({
        id: 'request-2',
        user: { id: 'user-minh', displayName: 'Minh Tran', email: 'minh@example.org' },
        message: '',
      }),
    ];
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(coordinator));
      if (url.pathname === '/api/join-requests' && method === 'GET') {
        return jsonResponse({ items: pending, nextCursor: null });
      }
      const decision = url.pathname.match(/^\/api\/join-requests\/([^/]+)\/decision$/);
      if (decision && method === 'POST') {
        const decided = pending.find((r) => r.id === decision[1]);
        pending = pending.filter((r) => r.id !== decision[1]);
        return jsonResponse({ ...decided, status: 'approved', decidedAt: '2026-02-02T00:00:00.000Z' });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/join-requests' });

    const table = await screen.findByRole('table', { name: '2 pending requests' });
    expect(within(table).getByRole('rowheader', { name: 'Ana Souza' })).toBeInTheDocument();
    expect(within(table).getAllByRole('link', { name: 'Toronto' })[0]).toHaveAttribute('href', '/cities/toronto');
    // Dates are shown in the user's time zone (America/Toronto).
    expect(within(table).getAllByText('Feb 1, 2026, 10:30 AM')).toHaveLength(2);
    expect(within(table).getByText('I lead the newcomer office.')).toBeInTheDocument();
    expect(within(table).getByText('No message')).toBeInTheDocument();
    const statusCheck = requests.find((r) => r.url.pathname === '/api/join-requests');
    expect(statusCheck?.url.searchParams.get('status')).toBe('pending');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Approve Ana Souza' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve Ana Souza' })).not.toBeInTheDocument());
    expect(await screen.findByText('Ana Souza is now an official of Toronto.')).toBeInTheDocument();
    const post = requests.find((r) => r.url.pathname.endsWith('/decision'));
    expect(post?.url.pathname).toBe('/api/join-requests/request-1/decision');
    expect(post?.body).toEqual({ decision: 'approve' });
    // Focus moves to the next request instead of being lost with the removed row.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Approve Minh Tran' })).toHaveFocus());
    expect(screen.getByRole('table', { name: '1 pending request' })).toBeInTheDocument();
  });

  it('puts the request back when the decision fails', async () => {
    stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(coordinator));
      if (url.pathname === '/api/join-requests' && method === 'GET') {
        return jsonResponse({ items: [makeJoinRequest()], nextCursor: null });
      }
      if (method === 'POST') return apiError(409, 'INVALID_STATE', 'Already decided');
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/join-requests' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Reject Ana Souza' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This can no longer be done');
    expect(screen.getByRole('button', { name: 'Reject Ana Souza' })).toBeInTheDocument();
  });

  it('is closed to members who coordinate no city', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? jsonResponse(makeAuth(makeMe())) : apiError(403, 'FORBIDDEN'),
    );
    renderApp({ path: '/join-requests' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access restricted' })).toBeInTheDocument();
  });

  it('sends visitors to log in and back', async () => {
    stubFetch(() => apiError(401, 'UNAUTHENTICATED'));
    const { router } = renderApp({ path: '/join-requests' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fjoin-requests');
    expect(await screen.findByText('Please log in to continue.')).toBeInTheDocument();
  });
});
