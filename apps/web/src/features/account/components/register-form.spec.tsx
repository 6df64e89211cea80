import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('RegisterForm', () => {
  it('checks the password length and reports a taken email address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/register') return apiError(409, 'EMAIL_TAKEN', 'Email taken');
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
    expect(await screen.findByRole('alert')).toHaveTextContent('Un compte existe déjà avec cette adresse e-mail.');
    const register = requests.find((r) => r.url.pathname === '/api/auth/register');
    expect(register?.body).toMatchObject({
      displayName: 'Ana Souza',
      email: 'ana@example.org',
      password: 'short but longer now',
      preferredLanguage: 'fr',
    });
    expect(typeof (register?.body as { timeZone?: unknown }).timeZone).toBe('string');
  });

  it('signs the new user in and opens the directory', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      if (url.pathname === '/api/auth/register') return jsonResponse(makeAuth(makeMe()), 201);
      if (url.pathname === '/api/cities') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/register' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Display name'), 'Ana Souza');
    await user.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/cities'));
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument();
  });
});
