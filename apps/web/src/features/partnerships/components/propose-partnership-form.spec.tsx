import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  makeAuth,
  makeCityDetail,
  makeCitySummary,
  makeMe,
  makePartnershipDetail,
  makePenangSummary,
} from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const official = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'official' }],
});

const rotterdam = makeCitySummary({
  id: 'city-rotterdam',
  slug: 'rotterdam',
  name: 'Rotterdam',
  countryCode: 'NL',
  region: 'western_europe',
});

function directory(url: URL) {
  const q = (url.searchParams.get('q') ?? '').toLowerCase();
  const all = [makeCitySummary(), makePenangSummary(), rotterdam];
  return jsonResponse({ items: all.filter((city) => city.name.toLowerCase().includes(q)), nextCursor: null });
}

describe('Propose a partnership', () => {
  it('checks the form, shows the server’s field errors, then opens the new partnership', async () => {
    let attempts = 0;
    const posts: RecordedRequest[] = [];
    stubFetch((request) => {
      const { url, method } = request;
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(official));
      if (url.pathname === '/api/cities/city-penang') {
        return jsonResponse(makeCityDetail({ ...makePenangSummary() }));
      }
      if (url.pathname === '/api/cities') return directory(url);
      if (url.pathname === '/api/partnerships' && method === 'POST') {
        posts.push(request);
        attempts += 1;
        if (attempts === 1) {
          return apiError(400, 'VALIDATION_FAILED', 'Invalid', {
            fields: { goals: ['goals must be shorter than or equal to 4000 characters'] },
          });
        }
        return jsonResponse(makePartnershipDetail({ id: 'partnership-9' }), 201);
      }
      if (url.pathname === '/api/partnerships/partnership-9') {
        return jsonResponse(makePartnershipDetail({ id: 'partnership-9' }));
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/partnerships/new?to=city-penang' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Propose a partnership' })).toBeInTheDocument();
    expect(screen.getByLabelText('On behalf of')).toHaveValue('city-toronto');
    // The city named in the address is chosen already.
    const toCity = screen.getByRole('group', { name: 'City to invite' });
    expect(await within(toCity).findByRole('radio', { name: /Penang/ })).toBeChecked();
    expect(screen.getByText('Leave it empty to call it “Toronto – Penang”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(screen.getByText('Choose at least one theme.')).toBeInTheDocument();
    expect(screen.getByLabelText('Goals')).toHaveAccessibleDescription(/This field is required\./);
    expect(posts).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Integration' })).toHaveFocus());

    await user.click(screen.getByRole('checkbox', { name: 'Employment' }));
    await user.click(screen.getByRole('checkbox', { name: 'Health' }));
    await user.type(screen.getByLabelText('Goals'), 'Jobs for newcomers.');
    await user.type(screen.getByLabelText('Message (optional)'), 'Hello Penang.');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));

    // The server refused the goals: its message is shown next to the field, which gets focus.
    const goals = screen.getByLabelText('Goals');
    await waitFor(() => expect(goals).toHaveAccessibleDescription(/Must be shorter than or equal to 4000/));
    expect(goals).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(goals).toHaveFocus());
    expect(posts[0]?.body).toEqual({
      fromCityId: 'city-toronto',
      toCityId: 'city-penang',
      themes: ['employment', 'health'],
      goals: 'Jobs for newcomers.',
      message: 'Hello Penang.',
    });

    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/partnerships/partnership-9'));
    expect(await screen.findByText(/Your proposal was sent\./)).toBeInTheDocument();
  });

  it('finds the city to invite in the directory', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(official));
      if (url.pathname === '/api/cities') return directory(url);
      if (url.pathname === '/api/partnerships' && method === 'POST') {
        return jsonResponse(makePartnershipDetail(), 201);
      }
      if (url.pathname === '/api/partnerships/partnership-1') return jsonResponse(makePartnershipDetail());
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/partnerships/new' });
    const user = userEvent.setup();

    const toCity = await screen.findByRole('group', { name: 'City to invite' });
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(within(toCity).getByText('Choose the city to invite.')).toBeInTheDocument();

    await user.type(within(toCity).getByRole('searchbox', { name: 'Search the city directory' }), 'rot');
    expect(await within(toCity).findByText('1 city found')).toBeInTheDocument();
    const rotterdamOption = within(toCity).getByRole('radio', { name: /Rotterdam/ });
    // The proposer's own city is never offered.
    expect(within(toCity).queryByRole('radio', { name: /Toronto/ })).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/cities' && r.url.searchParams.get('q') === 'rot')).toBe(true);

    await user.click(rotterdamOption);
    await user.type(screen.getByLabelText('Title (optional)'), 'Ports of arrival');
    await user.click(screen.getByRole('checkbox', { name: 'Integration' }));
    await user.type(screen.getByLabelText('Goals'), 'Compare reception centres.');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/partnerships/partnership-1'));
    const post = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/partnerships');
    expect(post?.body).toEqual({
      fromCityId: 'city-toronto',
      toCityId: 'city-rotterdam',
      title: 'Ports of arrival',
      themes: ['integration'],
      goals: 'Compare reception centres.',
    });
  });

  it('explains that only officials of a city can propose', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/partnerships/new' });
    expect(await screen.findByText(/Only officials of a city can propose a partnership/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find your city and ask to join it' })).toHaveAttribute('href', '/cities');
  });
});
