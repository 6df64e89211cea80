import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';
import { makeWorkshopSummary } from '../../../test/workshop-fixtures';

const member = makeMe();
const facilitator = makeMe({ roles: ['facilitator'] });

const live = makeWorkshopSummary({
  id: 'workshop-live',
  title: 'Negotiation clinic',
  status: 'live',
  theme: 'employment',
  language: 'es',
  scope: 'partnership',
  partnership: { id: 'partnership-1', title: 'Toronto – Penang' },
  capacity: null,
  registeredCount: 4,
  openedAt: '2026-03-10T13:00:00.000Z',
  viewer: { registered: true, facilitator: false, removed: false },
});

function stubWorkshopsApi(me = member) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/workshops') {
      const when = url.searchParams.get('when');
      if (when === 'live') return jsonResponse({ items: [live], nextCursor: null });
      if (url.searchParams.get('cursor') === 'page-2') {
        return jsonResponse({
          items: [makeWorkshopSummary({ id: 'workshop-2', title: 'Leading a welcome office' })],
          nextCursor: null,
        });
      }
      return jsonResponse({ items: [makeWorkshopSummary()], nextCursor: 'page-2' });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

const listCalls = (requests: RecordedRequest[]) => requests.filter((r) => r.url.pathname === '/api/workshops');

describe('Workshops list', () => {
  it('shows the three tabs as links, asks for upcoming workshops first, and pages with the cursor', async () => {
    const { requests } = stubWorkshopsApi();
    renderApp({ path: '/workshops' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Workshops' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Workshops by time' });
    expect(within(tabs).getByRole('link', { name: 'Upcoming' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Live now' })).toHaveAttribute('href', '/workshops?when=live');
    expect(within(tabs).getByRole('link', { name: 'Past' })).not.toHaveAttribute('aria-current');

    const card = (await screen.findByRole('link', { name: 'Mediation skills for city officials' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(card).getByText('Scheduled')).toBeInTheDocument();
    expect(within(card).getByText('Intercultural dialogue')).toBeInTheDocument();
    // The workshop's language is named in the interface language.
    expect(within(card).getByText('French')).toBeInTheDocument();
    expect(within(card).getByText('Every signed-in user')).toBeInTheDocument();
    expect(within(card).getByText('12 of 30 places taken')).toBeInTheDocument();
    // Shown in the viewer's zone (Toronto, from the profile), the zone named.
    expect(within(card).getByText(/Tue, Mar 10, 2026.*9:00.*10:30.*EDT/)).toBeInTheDocument();
    expect(within(card).queryByRole('link', { name: /Join the room/ })).not.toBeInTheDocument();
    expect(screen.getByText('Times are shown in your time zone, America/Toronto.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New workshop' })).not.toBeInTheDocument();

    const first = listCalls(requests)[0];
    expect(first?.url.searchParams.get('when')).toBe('upcoming');
    expect(first?.url.searchParams.has('theme')).toBe(false);
    expect(first?.url.searchParams.has('mine')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Load more workshops' }));
    expect(await screen.findByRole('link', { name: 'Leading a welcome office' })).toBeInTheDocument();
    expect(listCalls(requests).at(-1)?.url.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more workshops' })).not.toBeInTheDocument();
    expect(screen.getByText('2 workshops shown.')).toHaveAttribute('role', 'status');
  });

  it('applies the theme and "only mine" filters through the address and the API query', async () => {
    const { requests } = stubWorkshopsApi();
    const { router } = renderApp({ path: '/workshops' });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Mediation skills for city officials' });

    await user.selectOptions(screen.getByLabelText('Theme'), 'health');
    await user.click(screen.getByRole('checkbox', { name: 'Only workshops I registered for or facilitate' }));

    await waitFor(() => expect(router.state.location.search).toBe('?theme=health&mine=1'));
    await waitFor(() => {
      const last = listCalls(requests).at(-1);
      expect(last?.url.searchParams.get('theme')).toBe('health');
      expect(last?.url.searchParams.get('mine')).toBe('true');
      expect(last?.url.searchParams.get('when')).toBe('upcoming');
    });
    // The tabs keep the filters.
    expect(screen.getByRole('link', { name: 'Past' })).toHaveAttribute(
      'href',
      '/workshops?when=past&theme=health&mine=1',
    );
  });

  it('shows live workshops with a prominent badge and a way into the room', async () => {
    const { requests } = stubWorkshopsApi();
    renderApp({ path: '/workshops?when=live' });

    const card = (await screen.findByRole('link', { name: 'Negotiation clinic' })).closest('li') as HTMLElement;
    expect(within(card).getByText('Live now')).toHaveClass('workshop-badge--live');
    expect(within(card).getByText('You are registered')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Join the room: Negotiation clinic' })).toHaveAttribute(
      'href',
      '/workshops/workshop-live/room',
    );
    expect(within(card).getByRole('link', { name: 'Toronto – Penang' })).toHaveAttribute(
      'href',
      '/partnerships/partnership-1',
    );
    expect(within(card).getByText('Spanish')).toBeInTheDocument();
    expect(within(card).getByText('4 registered, no limit')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Live now' })).toHaveAttribute('aria-current', 'page');
    expect(listCalls(requests)[0]?.url.searchParams.get('when')).toBe('live');
  });

  it('offers facilitators to create a workshop', async () => {
    stubWorkshopsApi(facilitator);
    renderApp({ path: '/workshops' });
    expect(await screen.findByRole('link', { name: 'New workshop' })).toHaveAttribute('href', '/workshops/new');
    expect(screen.getByRole('link', { name: 'Workshops' })).toHaveAttribute('aria-current', 'page');
  });

  it('says so when no workshop is live, and lets the reader clear the filters', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(member));
      if (url.pathname === '/api/workshops') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/workshops?when=live&theme=health' });
    const user = userEvent.setup();
    expect(await screen.findByText('No workshop is live right now.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all workshops' }));
    await waitFor(() => expect(router.state.location.search).toBe('?when=live'));
  });

  it('reads right to left in Arabic, with the workshop language named in Arabic', async () => {
    stubWorkshopsApi(makeMe({ preferredLanguage: 'ar' }));
    renderApp({ path: '/workshops' });
    expect(await screen.findByRole('heading', { level: 1, name: 'ورش العمل' })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    const card = (await screen.findByRole('link', { name: 'Mediation skills for city officials' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(card).getByText('الفرنسية')).toBeInTheDocument();
    expect(within(card).getByText('مجدولة')).toBeInTheDocument();
    expect(within(card).getByText('12 مقعدًا محجوزًا من 30')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'مباشرة الآن' })).toHaveAttribute('href', '/workshops?when=live');
  });
});
