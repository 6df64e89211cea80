import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makeVisitSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const me = makeMe({ timeZone: 'Asia/Kuala_Lumpur' });

const toronto = makeVisitSummary();
const penang = makeVisitSummary({
  id: 'visit-2',
  title: 'Schools for newcomers in Penang',
  hostCity: { id: 'city-penang', slug: 'penang', name: 'Penang' },
  timeZone: 'Asia/Kuala_Lumpur',
  startDate: '2026-03-30',
  endDate: '2026-04-02',
  startsAt: '2026-03-29T16:00:00.000Z',
  endsAt: '2026-04-02T16:00:00.000Z',
});

function serve() {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/partnerships') return jsonResponse({ items: [], nextCursor: null });
    if (url.pathname === '/api/visits') {
      // The list of upcoming visits: the first (by date) has no dates yet, the next one is in March.
      if (url.searchParams.get('when') === 'upcoming') {
        return jsonResponse({
          items: [makeVisitSummary({ id: 'visit-0', startDate: null, endDate: null }), toronto, penang],
          nextCursor: null,
        });
      }
      const month = url.searchParams.get('month');
      const items = month === '2026-03' ? [toronto, penang] : month === '2026-04' ? [penang] : [];
      return jsonResponse({ items, nextCursor: null });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

/** The grid cell of a day, found by the full date it is named by. */
const cell = (grid: HTMLElement, date: string) => within(grid).getByRole('gridcell', { name: new RegExp(`^${date}`) });

describe('Visit month calendar', () => {
  it('opens on the month of the next visit when the address names no month', async () => {
    const { requests } = serve();
    renderApp({ path: '/visits?view=month' });

    const grid = await screen.findByRole('grid', { name: 'March 2026' }, { timeout: 5000 });
    await within(grid).findAllByRole('link', { name: 'Newcomer services in Toronto' });
    expect(requests.some((request) => request.url.searchParams.get('month') === '2026-03')).toBe(true);
  });

  it('places each visit on every day it spans, in its host’s calendar', async () => {
    const { requests } = serve();
    renderApp({ path: '/visits?view=month&month=2026-03' });

    const grid = await screen.findByRole('grid', { name: 'March 2026' });
    await within(grid).findAllByRole('link', { name: 'Newcomer services in Toronto' });
    const march = requests.find((request) => request.url.pathname === '/api/visits');
    expect(march?.url.searchParams.get('month')).toBe('2026-03');
    expect(march?.url.searchParams.has('when')).toBe(false);

    for (const day of ['Sunday, March 8, 2026', 'Monday, March 9, 2026', 'Tuesday, March 10, 2026']) {
      expect(within(cell(grid, day)).getByRole('link', { name: 'Newcomer services in Toronto' })).toHaveAttribute(
        'href',
        '/visits/visit-1',
      );
      expect(cell(grid, day)).toHaveAccessibleName(`${day}, 1 visit Newcomer services in Toronto`);
    }
    for (const day of ['Saturday, March 7, 2026', 'Wednesday, March 11, 2026']) {
      expect(within(cell(grid, day)).queryByRole('link')).not.toBeInTheDocument();
    }
    expect(within(cell(grid, 'Monday, March 30, 2026')).getByRole('link')).toHaveTextContent(
      'Schools for newcomers in Penang',
    );
    expect(within(cell(grid, 'Tuesday, March 31, 2026')).getByRole('link')).toHaveTextContent(
      'Schools for newcomers in Penang',
    );
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(7);
  });

  it('moves between days and months from the keyboard, with one day in the tab order', async () => {
    const { requests } = serve();
    renderApp({ path: '/visits?view=month&month=2026-03' });
    const user = userEvent.setup();

    const grid = await screen.findByRole('grid', { name: 'March 2026' });
    const first = cell(grid, 'Sunday, March 1, 2026');
    expect(first).toHaveAttribute('tabindex', '0');
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((day) => day.tabIndex === 0),
    ).toHaveLength(1);

    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(cell(grid, 'Sunday, March 8, 2026')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const tuesday = cell(grid, 'Tuesday, March 10, 2026');
    expect(tuesday).toHaveFocus();
    // The visits of the focused day come next in the tab order; other days' links do not.
    expect(within(tuesday).getByRole('link')).toHaveAttribute('tabindex', '0');
    expect(within(cell(grid, 'Monday, March 9, 2026')).getByRole('link')).toHaveAttribute('tabindex', '-1');

    await user.keyboard('{PageDown}');
    const april = await screen.findByRole('grid', { name: 'April 2026' });
    await waitFor(() => expect(cell(april, 'Friday, April 10, 2026')).toHaveFocus());
    expect(requests.some((request) => request.url.searchParams.get('month') === '2026-04')).toBe(true);
    expect(within(cell(april, 'Wednesday, April 1, 2026')).getByRole('link')).toHaveTextContent(
      'Schools for newcomers in Penang',
    );

    await user.click(screen.getByRole('button', { name: /Previous month/ }));
    expect(await screen.findByRole('grid', { name: 'March 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Month' })).toHaveAttribute('aria-pressed', 'true');
  });
});
