import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makePartnershipSummary, makeVisitSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const me = makeMe({ timeZone: 'Asia/Kuala_Lumpur' });

describe('Visit list', () => {
  it('lists upcoming visits with the viewer’s place, and switches tab and partnership through the address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/partnerships') {
        return jsonResponse({
          items: [
            makePartnershipSummary({ id: 'partnership-1', title: 'Toronto – Penang', viewerRole: 'member' }),
            makePartnershipSummary({ id: 'partnership-2', title: 'Lisbon – Da Nang', viewerRole: 'member' }),
          ],
          nextCursor: null,
        });
      }
      if (url.pathname === '/api/visits') {
        const past = url.searchParams.get('when') === 'past';
        return jsonResponse({
          items: past
            ? []
            : [
                makeVisitSummary({
                  waitlistCount: 2,
                  viewer: { coordinator: false, registration: { status: 'waitlisted', position: 2 } },
                }),
              ],
          nextCursor: null,
        });
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/visits' });
    const user = userEvent.setup();

    const card = (await screen.findByRole('link', { name: 'Newcomer services in Toronto' }, { timeout: 5000 })).closest(
      'article',
    ) as HTMLElement;
    expect(within(card).getByText('Waitlist, position 2')).toBeInTheDocument();
    expect(card).toHaveTextContent('4 of 10 places taken · 2 on the waitlist');
    expect(card).toHaveTextContent('Sun, Mar 8 – Tue, Mar 10, 2026 (dates in Toronto)');
    expect(screen.getByRole('link', { name: 'Upcoming' })).toHaveAttribute('aria-current', 'page');
    // Members of a partnership do not plan visits.
    expect(screen.queryByRole('link', { name: 'Plan a study visit' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Past' }));
    expect(await screen.findByText('No past visit in your partnerships.')).toBeInTheDocument();
    expect(requests.at(-1)?.url.searchParams.get('when')).toBe('past');

    await user.selectOptions(await screen.findByLabelText('Partnership'), 'Lisbon – Da Nang');
    await waitFor(() => expect(router.state.location.search).toBe('?when=past&partnershipId=partnership-2'));
    await waitFor(() =>
      expect(
        requests.some(
          (request) =>
            request.url.pathname === '/api/visits' &&
            request.url.searchParams.get('partnershipId') === 'partnership-2' &&
            request.url.searchParams.get('when') === 'past',
        ),
      ).toBe(true),
    );
  });
});
