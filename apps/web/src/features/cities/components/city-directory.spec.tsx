import type { CitySummaryDto, Page } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeCitySummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const toronto = makeCitySummary();
const rotterdam = makeCitySummary({
  id: 'city-rotterdam',
  slug: 'rotterdam',
  name: 'Rotterdam',
  countryCode: 'NL',
  region: 'western_europe',
  population: 655468,
  themes: ['education'],
});
const penang = makeCitySummary({
  id: 'city-penang',
  slug: 'penang',
  name: 'Penang',
  countryCode: 'MY',
  region: 'south_east_asia',
  immigrationProfile: 'emerging',
  population: 1774000,
  themes: ['health', 'human_security'],
});

/** Anonymous visitor; /api/cities answers two pages, the second after cursor "c2". */
function stubDirectory(pages: Record<string, Page<CitySummaryDto>>) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
    if (url.pathname === '/api/cities') {
      const page = pages[url.searchParams.get('cursor') ?? 'first'];
      return page ? jsonResponse(page) : apiError(400, 'VALIDATION_FAILED');
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('City directory', () => {
  it('renders a card per city from the API page', async () => {
    stubDirectory({ first: { items: [toronto, rotterdam], nextCursor: null } });
    renderApp({ path: '/cities' });

    const list = await screen.findByRole('list', { name: 'Cities' });
    const cards = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(cards).toHaveLength(2);

    const first = cards[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Toronto' })).toHaveAttribute('href', '/cities/toronto');
    expect(within(first).getByRole('heading', { level: 2, name: 'Toronto' })).toBeInTheDocument();
    expect(first).toHaveTextContent('Canada · North America');
    expect(first).toHaveTextContent('Traditional city of immigration');
    expect(first).toHaveTextContent('2,794,356');
    const themes = within(first).getByRole('list', { name: 'Themes' });
    expect(
      within(themes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Integration', 'Employment']);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('2 cities shown');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('City directory');
    expect(document.title).toBe('City directory – Twinning');
    expect(screen.queryByRole('button', { name: 'Load more cities' })).not.toBeInTheDocument();
  });

  it('formats numbers and names in the interface language', async () => {
    stubDirectory({ first: { items: [toronto], nextCursor: null } });
    renderApp({ path: '/cities', initialLanguage: 'fr' });
    const link = await screen.findByRole('link', { name: 'Toronto' });
    const card = link.closest('li') as HTMLElement;
    // French groups digits with a narrow no-break space.
    expect(card.textContent).toContain(new Intl.NumberFormat('fr').format(2794356));
    expect(card).toHaveTextContent('Canada · Amérique du Nord');
    expect(screen.getByText('1 ville affichée')).toBeInTheDocument();
  });

  it('reads the filters from the URL and writes applied filters back to it', async () => {
    const { requests } = stubDirectory({ first: { items: [toronto], nextCursor: null } });
    const { router } = renderApp({ path: '/cities?region=north_america&q=tor' });
    await screen.findByRole('link', { name: 'Toronto' });

    const firstCall = requests.find((r) => r.url.pathname === '/api/cities');
    expect(firstCall?.url.searchParams.get('region')).toBe('north_america');
    expect(firstCall?.url.searchParams.get('q')).toBe('tor');
    expect(screen.getByLabelText('Region')).toHaveValue('north_america');
    expect(screen.getByLabelText('Search')).toHaveValue('tor');

    const user = userEvent.setup();
    const form = screen.getByRole('search', { name: 'Filter cities' });
    expect(within(form).getByLabelText('Theme')).toHaveAttribute('name', 'theme');
    expect(within(form).getByLabelText('Immigration profile')).toHaveAttribute('name', 'profile');
    await user.selectOptions(within(form).getByLabelText('Theme'), 'health');
    await user.selectOptions(within(form).getByLabelText('Immigration profile'), 'traditional');
    await user.clear(within(form).getByLabelText('Search'));
    // No Apply button: each change applies itself.
    expect(within(form).queryByRole('button', { name: 'Apply filters' })).toBeNull();

    await waitFor(() =>
      expect(router.state.location.search).toBe('?region=north_america&profile=traditional&theme=health'),
    );
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/cities').at(-1);
      expect(last?.url.searchParams.get('theme')).toBe('health');
      expect(last?.url.searchParams.get('profile')).toBe('traditional');
      expect(last?.url.searchParams.has('q')).toBe(false);
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByLabelText('Region')).toHaveValue('');
  });

  it('loads more with the next cursor and moves focus to the first new city', async () => {
    const { requests } = stubDirectory({
      first: { items: [toronto, rotterdam], nextCursor: 'c2' },
      c2: { items: [penang], nextCursor: null },
    });
    renderApp({ path: '/cities' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Load more cities' }));
    const penangLink = await screen.findByRole('link', { name: 'Penang' });
    expect(
      requests
        .filter((r) => r.url.pathname === '/api/cities')
        .at(-1)
        ?.url.searchParams.get('cursor'),
    ).toBe('c2');
    expect(screen.getByText('3 cities shown')).toBeInTheDocument();
    await waitFor(() => expect(penangLink).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Load more cities' })).not.toBeInTheDocument();
  });

  it('shows an empty state when nothing matches', async () => {
    stubDirectory({ first: { items: [], nextCursor: null } });
    renderApp({ path: '/cities?theme=health' });
    expect(await screen.findByText('No cities match these filters.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/cities');
    expect(screen.queryByRole('list', { name: 'Cities' })).not.toBeInTheDocument();
  });
});
