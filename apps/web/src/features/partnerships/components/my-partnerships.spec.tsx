import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCityDetail, makeMe, makePartnershipSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const li = makeMe({
  id: 'user-li',
  displayName: 'Li Wei',
  cities: [{ cityId: 'city-penang', citySlug: 'penang', cityName: 'Penang', role: 'coordinator' }],
});

describe('Partnerships list', () => {
  it('groups partnerships by status and marks those awaiting the viewer’s decision', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(li));
      if (url.pathname === '/api/partnerships') {
        const all = [
          makePartnershipSummary({ viewerRole: null, awaitingMyDecision: true }),
          makePartnershipSummary({
            id: 'partnership-2',
            title: 'Penang – Rotterdam',
            status: 'active',
            cities: [
              { id: 'city-penang', slug: 'penang', name: 'Penang', status: 'member' },
              { id: 'city-rotterdam', slug: 'rotterdam', name: 'Rotterdam', status: 'member' },
            ],
          }),
        ];
        const status = url.searchParams.get('status');
        return jsonResponse({ items: all.filter((p) => !status || p.status === status), nextCursor: null });
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/partnerships' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Your partnerships' })).toBeInTheDocument();
    expect(await screen.findByText('1 partnership awaits your decision.')).toBeInTheDocument();
    const proposed = screen.getByRole('region', { name: 'Proposals waiting for an answer (1)' });
    const card = within(proposed).getByRole('link', { name: 'Toronto – Penang' }).closest('li') as HTMLElement;
    expect(within(proposed).getByRole('link', { name: 'Toronto – Penang' })).toHaveAttribute(
      'href',
      '/partnerships/partnership-1',
    );
    expect(within(card).getByText('Awaiting your decision')).toBeInTheDocument();
    const active = screen.getByRole('region', { name: 'Active partnerships (1)' });
    expect(within(active).getByText('Your role: Coordinator')).toBeInTheDocument();
    expect(within(active).queryByText('Awaiting your decision')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'active');
    await waitFor(() => expect(router.state.location.search).toBe('?status=active'));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Proposals waiting for an answer (1)' })).not.toBeInTheDocument(),
    );
    expect(requests.some((r) => r.url.searchParams.get('status') === 'active')).toBe(true);
  });

  it('explains how to start when there is none', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(li));
      if (url.pathname === '/api/partnerships') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/partnerships' });
    expect(await screen.findByText('You are not part of any partnership yet.')).toBeInTheDocument();
    expect(screen.getByText(/A partnership starts with a proposal/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Find partners' })[0]).toHaveAttribute(
      'href',
      '/partnerships/suggestions',
    );
    expect(screen.getByRole('link', { name: 'Partnerships' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('City page: partnership links', () => {
  function cityPage(me: ReturnType<typeof makeMe>, slug: string) {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/cities/toronto') return jsonResponse(makeCityDetail());
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/cities/${slug}` });
  }

  it('offers officials of another city to propose a partnership', async () => {
    cityPage(li, 'toronto');
    expect(await screen.findByRole('link', { name: 'Propose a partnership with Toronto' })).toHaveAttribute(
      'href',
      '/partnerships/new?to=city-toronto&from=city-penang',
    );
    expect(screen.queryByRole('link', { name: /Find partners/ })).not.toBeInTheDocument();
  });

  it('offers officials of the city to find partners for it', async () => {
    cityPage(
      makeMe({ cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'official' }] }),
      'toronto',
    );
    expect(await screen.findByRole('link', { name: 'Find partners for Toronto' })).toHaveAttribute(
      'href',
      '/partnerships/suggestions?city=city-toronto',
    );
    expect(screen.queryByRole('link', { name: /Propose a partnership/ })).not.toBeInTheDocument();
  });

  it('offers nothing to people who represent no city', async () => {
    cityPage(makeMe(), 'toronto');
    expect(await screen.findByRole('heading', { level: 1, name: 'Toronto' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Propose a partnership|Find partners/ })).not.toBeInTheDocument();
  });
});
