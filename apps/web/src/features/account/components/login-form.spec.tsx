import type { HomeDto } from '@twinning/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type FetchHandler } from '../../../test/test-utils';

/** Anonymous visitor; the login endpoint answers with the given responses in turn. */
function stubLogin(...answers: Array<() => Response>) {
  let call = 0;
  const handler: FetchHandler = ({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
    if (url.pathname === '/api/auth/login') {
      const answer = answers[Math.min(call, answers.length - 1)];
      call += 1;
      if (!answer) throw new Error('no answer');
      return answer();
    }
    if (url.pathname === '/api/cities') return jsonResponse({ items: [], nextCursor: null });
    if (url.pathname === '/api/me/home') {
      return jsonResponse({
        now: '2026-03-01T15:00:00.000Z',
        upcomingUntil: '2026-03-31T15:00:00.000Z',
        live: [],
        waiting: { joinRequests: [], invitations: [], polls: [], reports: { count: 0, items: [] } },
        comingUp: { visits: [], workshops: [] },
        unread: [],
        activity: [],
      } satisfies HomeDto);
    }
    return apiError(404, 'NOT_FOUND');
  };
  return stubFetch(handler);
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText('Email address'));
  await user.type(screen.getByLabelText('Email address'), email);
  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  it('has labelled inputs with the expected names and autocomplete', async () => {
    stubLogin();
    renderApp({ path: '/login' });
    const email = await screen.findByLabelText('Email address');
    const password = screen.getByLabelText('Password');
    expect(email).toHaveAttribute('name', 'email');
    expect(email).toHaveAttribute('autocomplete', 'email');
    expect(password).toHaveAttribute('name', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  });

  it('shows the API field errors next to their fields', async () => {
    const { requests } = stubLogin(() =>
      apiError(400, 'VALIDATION_FAILED', 'Invalid', {
        fields: { email: ['email must be an email'] },
      }),
    );
    renderApp({ path: '/login' });
    await screen.findByLabelText('Email address');
    await fillAndSubmit('not-an-email', 'whatever-password');

    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Must be an email');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need your attention');
    expect(email).toHaveFocus();

    const login = requests.find((r) => r.url.pathname === '/api/auth/login');
    expect(login?.method).toBe('POST');
    expect(login?.body).toEqual({ email: 'not-an-email', password: 'whatever-password' });
  });

  it('tells how long to wait after 429 RATE_LIMITED', async () => {
    stubLogin(() => apiError(429, 'RATE_LIMITED', 'Too many requests', { headers: { 'Retry-After': '30' } }));
    renderApp({ path: '/login' });
    await screen.findByLabelText('Email address');
    await fillAndSubmit('ana@example.org', 'correct horse battery');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  });

  it('reports wrong credentials, then signs in and goes to the page asked for', async () => {
    const user = makeMe({ displayName: 'Ana Souza' });
    stubLogin(
      () => apiError(401, 'INVALID_CREDENTIALS', 'Invalid email or password'),
      () => jsonResponse(makeAuth(user)),
    );
    const { router } = renderApp({ path: '/login?next=%2Fcities%3Fregion%3Dnorth_america' });
    expect(await screen.findByText('Please log in to continue.')).toBeInTheDocument();

    await fillAndSubmit('ana@example.org', 'wrong password!!');
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is incorrect.');

    await fillAndSubmit('ana@example.org', 'correct horse battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cities'));
    expect(router.state.location.search).toBe('?region=north_america');
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Account menu/ })).toBeInTheDocument();
  });

  it('signs in without a page asked for and lands on the user’s home', async () => {
    stubLogin(() => jsonResponse(makeAuth(makeMe({ displayName: 'Ana Souza' }))));
    const { router } = renderApp({ path: '/login' });
    await screen.findByLabelText('Email address');
    await fillAndSubmit('ana@example.org', 'correct horse battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back, Ana Souza' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Find your city and ask to join it' })).toHaveAttribute(
      'href',
      '/cities',
    );
  });

  it('checks empty fields before calling the API', async () => {
    const { requests } = stubLogin();
    renderApp({ path: '/login' });
    await screen.findByLabelText('Email address');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This field is required.');
    expect(requests.some((r) => r.url.pathname === '/api/auth/login')).toBe(false);
  });
});
