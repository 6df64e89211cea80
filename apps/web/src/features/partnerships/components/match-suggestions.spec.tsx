import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCitySummary, makeMatchSuggestion, makeMatchSuggestions, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const official = makeMe({
  cities: [
    { cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'official' },
    { cityId: 'city-rotterdam', citySlug: 'rotterdam', cityName: 'Rotterdam', role: 'coordinator' },
  ],
});

const daNang = makeCitySummary({
  id: 'city-da-nang',
  slug: 'da-nang',
  name: 'Da Nang',
  countryCode: 'VN',
  region: 'north_america',
  immigrationProfile: 'traditional',
});

describe('Partner suggestions', () => {
  it('ranks cities and explains each score with sentences', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(official));
      if (url.pathname === '/api/cities/city-toronto/suggestions') {
        return jsonResponse(
          makeMatchSuggestions({
            items: [
              makeMatchSuggestion(),
              makeMatchSuggestion({
                city: daNang,
                score: 10,
                breakdown: { profile: 0, themes: 10, region: 0 },
                reasons: {
                  profiles: { mine: 'traditional', theirs: 'traditional', complementary: false },
                  sharedThemes: ['integration'],
                  regions: { mine: 'north_america', theirs: 'north_america', different: false },
                },
                pendingProposalId: 'partnership-7',
              }),
            ],
          }),
        );
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/partnerships/suggestions?city=city-toronto' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Partner suggestions' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Suggested partners for Toronto' });
    expect(screen.getByText('2 suggestions for Toronto')).toBeInTheDocument();
    const [penang, daNangCard] = Array.from(list.children) as HTMLElement[];
    expect(penang).toBeDefined();
    const first = within(penang as HTMLElement);
    expect(first.getByRole('heading', { level: 2, name: 'Penang' })).toBeInTheDocument();
    expect(first.getByText('Score: 80 out of 100')).toBeInTheDocument();
    expect(first.getByText('40 of 40 points')).toBeInTheDocument();
    expect(first.getByText('20 of 40 points')).toBeInTheDocument();
    expect(first.getByText('20 of 20 points')).toBeInTheDocument();
    expect(
      first.getByText('Toronto is a traditional city of immigration and Penang an emerging one'),
    ).toBeInTheDocument();
    expect(first.getByText('Shared themes: employment, health')).toBeInTheDocument();
    expect(first.getByText('Different regions: North America and South-East Asia')).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'Propose a partnership with Penang' })).toHaveAttribute(
      'href',
      '/partnerships/new?from=city-toronto&to=city-penang',
    );

    const second = within(daNangCard as HTMLElement);
    expect(second.getByText('Toronto and Da Nang are both traditional cities of immigration')).toBeInTheDocument();
    expect(second.getByText('Same region: North America')).toBeInTheDocument();
    expect(second.getByText('Proposal pending')).toBeInTheDocument();
    expect(second.getByRole('link', { name: 'View the proposal with Da Nang' })).toHaveAttribute(
      'href',
      '/partnerships/partnership-7',
    );
    expect(second.queryByRole('link', { name: /Propose a partnership/ })).not.toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname.endsWith('/suggestions'))?.url.searchParams.get('limit')).toBe('12');
  });

  it('keeps the city, region and theme in the address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(official));
      if (url.pathname.endsWith('/suggestions')) return jsonResponse(makeMatchSuggestions({ items: [] }));
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/partnerships/suggestions' });
    const user = userEvent.setup();

    const filters = await screen.findByRole('search', { name: 'Filter suggestions' });
    expect(within(filters).getByLabelText('Suggestions for')).toHaveValue('city-toronto');
    expect(await screen.findByText('No city matches these filters. Try another region or theme.')).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Suggestions for'), 'city-rotterdam');
    await user.selectOptions(within(filters).getByLabelText('Region'), 'south_east_asia');
    await user.selectOptions(within(filters).getByLabelText('Theme'), 'health');

    await waitFor(() =>
      expect(router.state.location.search).toBe('?city=city-rotterdam&region=south_east_asia&theme=health'),
    );
    await waitFor(() =>
      expect(requests.some((r) => r.url.pathname === '/api/cities/city-rotterdam/suggestions')).toBe(true),
    );
    const last = requests.filter((r) => r.url.pathname.endsWith('/suggestions')).at(-1);
    expect(last?.url.searchParams.get('region')).toBe('south_east_asia');
    expect(last?.url.searchParams.get('theme')).toBe('health');
  });

  it('explains that suggestions need a city', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? jsonResponse(makeAuth(makeMe())) : apiError(404, 'NOT_FOUND'),
    );
    renderApp({ path: '/partnerships/suggestions' });
    expect(await screen.findByText(/Suggestions are made for a city you represent/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find your city and ask to join it' })).toHaveAttribute('href', '/cities');
  });
});
