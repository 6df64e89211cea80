import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makeTrainingRequestSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const coordinator = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

function serve(me = coordinator) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    if (url.pathname === '/api/training/requests') {
      const status = url.searchParams.get('status');
      return jsonResponse({
        items: status === 'withdrawn' ? [] : [makeTrainingRequestSummary()],
        nextCursor: null,
      });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Training board', () => {
  it('lists requests with their facts, and keeps the state filter in the address', async () => {
    const { requests } = serve();
    const { router } = renderApp({ path: '/training' });
    const user = userEvent.setup();

    const card = (await screen.findByRole('link', { name: 'Mediation for front desks' }, { timeout: 5000 })).closest(
      'article',
    ) as HTMLElement;
    expect(within(card).getByText('Open')).toBeInTheDocument();
    expect(card).toHaveTextContent('Requesting cityToronto');
    expect(card).toHaveTextContent('Mediation, Negotiation, and Integration');
    expect(card).toHaveTextContent('Live online');
    expect(card).toHaveTextContent('2 offers');
    expect(card).toHaveTextContent('(days in America/Toronto)');
    expect(screen.getByRole('link', { name: 'Request training' })).toHaveAttribute('href', '/training/new');
    // The header has the section.
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Training' }),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('State'), 'Withdrawn');
    await waitFor(() => expect(router.state.location.search).toBe('?status=withdrawn'));
    expect(await screen.findByText('No training request in this state.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Coordinators of a city can request training for their city, or for a partnership their city belongs to.',
      ),
    ).toBeInTheDocument();
    expect(
      requests.some(
        (r) => r.url.pathname === '/api/training/requests' && r.url.searchParams.get('status') === 'withdrawn',
      ),
    ).toBe(true);

    await user.selectOptions(screen.getByLabelText('State'), 'All states');
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('reads the filter from the address and offers no request button to non-coordinators', async () => {
    const { requests } = serve(makeMe({ roles: ['facilitator'] }));
    renderApp({ path: '/training?status=open' });
    expect(
      await screen.findByRole('link', { name: 'Mediation for front desks' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('State')).toHaveValue('open');
    expect(requests.find((r) => r.url.pathname === '/api/training/requests')?.url.searchParams.get('status')).toBe(
      'open',
    );
    expect(screen.queryByRole('link', { name: 'Request training' })).not.toBeInTheDocument();
  });
});
