import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('RegisterForm', () => {
  it('checks the password length, then says to check the mail without signing in', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/register') return jsonResponse({ status: 'check_your_mail' }, 202);
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/register', initialLanguage: 'fr' });
    const user = userEvent.setup();

    const password = await screen.findByLabelText('Mot de passe');
    expect(password).toHaveAttribute('name', 'password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveAccessibleDescription('Au moins 12 caractères.');
    expect(screen.getByLabelText('Nom affiché')).toHaveAttribute('name', 'displayName');

    await user.type(screen.getByLabelText('Nom affiché'), 'Ana Souza');
    await user.type(screen.getByLabelText('Adresse e-mail'), 'ana@example.org');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Créer le compte' }));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Utilisez au moins 12 caractères\./);
    expect(requests.some((r) => r.url.pathname === '/api/auth/register')).toBe(false);

    await user.type(password, ' but longer now');
    await user.click(screen.getByRole('button', { name: 'Créer le compte' }));
    const heading = await screen.findByRole('heading', { name: 'Consultez vos e-mails' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Nous avons envoyé un message à ana@example\.org\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Créer le compte' })).not.toBeInTheDocument();
    const register = requests.find((r) => r.url.pathname === '/api/auth/register');
    expect(register?.body).toMatchObject({
      displayName: 'Ana Souza',
      email: 'ana@example.org',
      password: 'short but longer now',
      preferredLanguage: 'fr',
    });
    expect(typeof (register?.body as { timeZone?: unknown }).timeZone).toBe('string');
  });

  it('opens no session, and points to the Outbox when this server captures mail', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/register') return jsonResponse({ status: 'check_your_mail' }, 202);
      if (url.pathname === '/api/dev/outbox') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/register' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Display name'), 'Ana Souza');
    await user.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your mail' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Open the Outbox' })).toHaveAttribute('href', '/dev/outbox');
    expect(router.state.location.pathname).toBe('/register');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Log in'); // still signed out
    expect(requests.filter((r) => r.url.pathname === '/api/me')).toHaveLength(0);
  });
});
