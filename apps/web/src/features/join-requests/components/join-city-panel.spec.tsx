import type { CityDetailDto } from '@twinning/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCityDetail, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('City page: request to join', () => {
  it('sends a join request with the message and then shows it as pending', async () => {
    let city: CityDetailDto = makeCityDetail();
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/cities/toronto') return jsonResponse(city);
      if (url.pathname === '/api/cities/city-toronto/join-requests' && method === 'POST') {
        city = { ...city, viewer: { ...city.viewer, joinRequest: 'pending' } };
        return jsonResponse({ id: 'request-1' }, 201);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/cities/toronto' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Toronto' })).toBeInTheDocument();
    expect(document.title).toBe('Toronto – Twinning');
    expect(screen.getByText('English and French')).toBeInTheDocument();
    expect(screen.getByText('Li Wei')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message (optional)'), 'Head of the newcomer office');
    await user.click(screen.getByRole('button', { name: 'Request to join as an official' }));

    expect(await screen.findByText(/Your request is pending/)).toBeInTheDocument();
    const post = requests.find((r) => r.url.pathname.endsWith('/join-requests'));
    expect(post?.method).toBe('POST');
    expect(post?.body).toEqual({ message: 'Head of the newcomer office' });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Request to join as an official' })).not.toBeInTheDocument(),
    );
  });

  it('tells officials where they stand and offers coordinators the edit link', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/cities/toronto') {
        return jsonResponse(
          makeCityDetail({
            viewer: { role: 'coordinator', joinRequest: null, canEdit: true, canReviewRequests: true },
          }),
        );
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/cities/toronto' });
    expect(await screen.findByText('You are a coordinator here.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit city' })).toHaveAttribute('href', '/cities/toronto/edit');
    expect(screen.getByLabelText('Role of Li Wei')).toHaveValue('coordinator');
  });

  it('invites visitors to log in', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/cities/toronto' ? jsonResponse(makeCityDetail()) : apiError(401, 'UNAUTHENTICATED'),
    );
    renderApp({ path: '/cities/toronto' });
    expect(await screen.findByRole('link', { name: 'Log in to request to join as an official' })).toHaveAttribute(
      'href',
      '/login?next=%2Fcities%2Ftoronto',
    );
  });

  it('shows a not-found page for an unknown city', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/cities/atlantis' ? apiError(404, 'NOT_FOUND') : apiError(401, 'UNAUTHENTICATED'),
    );
    renderApp({ path: '/cities/atlantis' });
    expect(await screen.findByRole('heading', { level: 1, name: 'City not found' })).toBeInTheDocument();
  });
});
