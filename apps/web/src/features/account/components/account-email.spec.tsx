import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const TOKEN = 'tok_0123456789abcdefghijklmnop';

describe('verification link', () => {
  it('verifies once and signs the account in', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/verify-email') return jsonResponse(makeAuth(makeMe()));
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/verify-email?token=${TOKEN}` });
    expect(await screen.findByText('Your address is confirmed and you are signed in.')).toBeInTheDocument();
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument(); // the header shows the signed-in user
    const calls = requests.filter((r) => r.url.pathname === '/api/auth/verify-email');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ token: TOKEN });
  });

  it('says what to do with a used or expired link', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/verify-email') return apiError(400, 'LINK_INVALID');
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/verify-email?token=${TOKEN}`, initialLanguage: 'es' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Este enlace no es válido, caducó o ya se usó.');
    // A visitor is told to log in, with the link to do it.
    expect(screen.getByText(/Inicie sesión y pida un nuevo enlace/)).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Iniciar sesión' })).toHaveAttribute(
      'href',
      '/login',
    );
  });
});

describe('forgotten password', () => {
  it('is reached from the login page and answers without saying whether the account exists', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/forgot-password') return jsonResponse({ status: 'check_your_mail' }, 202);
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/login' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/forgot-password'));
    await user.click(await screen.findByRole('button', { name: 'Send me a link' }));
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account uses ana@example.org, we sent it a link to choose a new password.',
    );
    expect(requests.find((r) => r.url.pathname === '/api/auth/forgot-password')?.body).toEqual({
      email: 'ana@example.org',
    });
  });

  it('sets a new password from the link, then leads to log in', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/reset-password') return new Response(null, { status: 204 });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/reset-password?token=${TOKEN}` });
    const user = userEvent.setup();
    const password = await screen.findByLabelText('New password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    await user.type(password, ' and now long');
    await user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/every session was signed out/);
    expect(screen.getAllByRole('link', { name: 'Log in' }).length).toBeGreaterThan(0);
    expect(requests.find((r) => r.url.pathname === '/api/auth/reset-password')?.body).toEqual({
      token: TOKEN,
      password: 'short and now long',
    });
  });

  it('offers a new link when the reset link no longer works', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/reset-password') return apiError(400, 'LINK_INVALID');
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/reset-password?token=${TOKEN}` });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link is invalid, has expired or was already used.',
    );
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});

describe('profile: password and email', () => {
  function signedIn(extra: (path: string) => Response | null, me = makeMe()) {
    return stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/me') return jsonResponse(me);
      if (url.pathname === '/api/me/join-requests') return jsonResponse([]);
      return extra(url.pathname) ?? apiError(404, 'NOT_FOUND');
    });
  }

  it('changes the password, naming a wrong current password on its field', async () => {
    let attempt = 0;
    const { requests } = signedIn((path) => {
      if (path !== '/api/me/password') return null;
      attempt++;
      if (attempt === 1) {
        return apiError(400, 'VALIDATION_FAILED', 'Some fields are invalid.', {
          fields: { currentPassword: ['currentPassword is not your current password'] },
        });
      }
      return jsonResponse(makeAuth(makeMe(), 'token-after-change'));
    });
    renderApp({ path: '/profile' });
    const user = userEvent.setup();
    const form = within(await screen.findByRole('form', { name: 'Password' }));
    await user.type(form.getByLabelText('Current password'), 'wrong one');
    await user.type(form.getByLabelText('New password'), 'a brand new password');
    await user.click(form.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(form.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true'));
    expect(form.getByLabelText('Current password')).toHaveAccessibleDescription(/not your current password/);
    await user.clear(form.getByLabelText('Current password'));
    await user.type(form.getByLabelText('Current password'), 'the right one');
    await user.click(form.getByRole('button', { name: 'Change password' }));
    expect(
      await form.findByText('Your password was changed. Your other sessions were signed out.'),
    ).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/me/password').at(-1)?.body).toEqual({
      currentPassword: 'the right one',
      newPassword: 'a brand new password',
    });
  });

  it('sends a link to the new address and keeps the current one meanwhile', async () => {
    const { requests } = signedIn(
      (path) => (path === '/api/me/email' ? jsonResponse({ status: 'check_your_mail' }, 202) : null),
      makeMe({ preferredLanguage: 'ar' }),
    );
    renderApp({ path: '/profile', initialLanguage: 'ar' });
    const user = userEvent.setup();
    const form = within(await screen.findByRole('form', { name: 'عنوان البريد الإلكتروني' }));
    await user.type(form.getByLabelText('عنوان البريد الجديد'), 'ana@new.example.org');
    await user.type(form.getByLabelText('كلمة المرور الحالية'), 'my password');
    await user.click(form.getByRole('button', { name: 'تغيير عنوان البريد' }));
    // The address keeps its left-to-right order inside the Arabic sentence (Unicode isolates around it).
    expect(await form.findByText(/أرسلنا رابطًا إلى \u2066ana@new\.example\.org\u2069/)).toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/me/email')?.body).toEqual({
      email: 'ana@new.example.org',
      currentPassword: 'my password',
    });
  });
});

describe('unverified account', () => {
  it('shows what to do, resends the link, and says how long to wait when asked too often', async () => {
    let sent = 0;
    stubFetch(({ url }) => {
      const me = makeMe({ emailVerified: false });
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/me') return jsonResponse(me);
      if (url.pathname === '/api/cities') return jsonResponse({ items: [], nextCursor: null });
      if (url.pathname === '/api/auth/resend-verification') {
        sent++;
        return sent === 1
          ? jsonResponse({ status: 'check_your_mail' }, 202)
          : apiError(429, 'RATE_LIMITED', 'Too many attempts', { headers: { 'Retry-After': '42' } });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/cities' });
    const user = userEvent.setup();
    const banner = within(
      (await screen.findByText(/Confirm your email address: follow the link we sent to ana@example\.org/)).closest(
        'section',
      ) as HTMLElement,
    );
    await user.click(banner.getByRole('button', { name: 'Send the link again' }));
    expect(await banner.findByRole('status')).toHaveTextContent('We sent a new link to ana@example.org.');
    await user.click(banner.getByRole('button', { name: 'Send the link again' }));
    expect(await banner.findByRole('alert')).toHaveTextContent('Try again in 42 seconds.');
  });

  it('is not shown to a verified account', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/cities') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/cities' });
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send the link again' })).not.toBeInTheDocument();
  });
});
