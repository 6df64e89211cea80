import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';
import { makeAuth, makeMe } from '../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../test/test-utils';

describe('LanguagePicker', () => {
  it('switches the page to Arabic, right to left, and back', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? apiError(401, 'UNAUTHENTICATED') : apiError(404, 'NOT_FOUND'),
    );
    renderApp({ path: '/' });
    const user = userEvent.setup();

    const picker = await screen.findByLabelText('Language');
    expect(picker).toHaveAttribute('id', 'language-picker');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'en');

    await user.selectOptions(picker, 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(screen.getByLabelText('اللغة')).toHaveValue('ar');
    expect(screen.getByRole('link', { name: 'المدن' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');

    await user.selectOptions(screen.getByLabelText('اللغة'), 'fr');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'fr');

    await user.selectOptions(screen.getByLabelText('Langue'), 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
  });

  it('names each language in that language', async () => {
    stubFetch(() => apiError(401, 'UNAUTHENTICATED'));
    renderApp({ path: '/' });
    const options = (await screen.findAllByRole('option')).map((o) => [o.getAttribute('value'), o.textContent]);
    expect(options).toEqual([
      ['en', 'English'],
      ['fr', 'Français'],
      ['es', 'Español'],
      ['ar', 'العربية'],
    ]);
  });

  it('applies the profile language at sign-in and saves a new choice to the profile', async () => {
    let me = makeMe({ preferredLanguage: 'fr' });
    const { requests } = stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/me' && method === 'PATCH') {
        me = { ...me, ...(body as object) };
        return jsonResponse(me);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/', initialLanguage: 'en' });

    // The session is restored silently and the profile's language wins.
    await waitFor(() => expect(document.documentElement).toHaveAttribute('lang', 'fr'));
    expect(await screen.findByText('Ana Souza')).toBeInTheDocument();

    // Signed in, the picker is in the account menu.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Ana Souza/ }));
    await user.selectOptions(screen.getByLabelText('Langue'), 'es');
    expect(document.documentElement).toHaveAttribute('lang', 'es');
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ preferredLanguage: 'es' }));
    expect(requests.find((r) => r.method === 'PATCH')?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(screen.getByLabelText('Idioma')).toHaveValue('es');
  });
});
