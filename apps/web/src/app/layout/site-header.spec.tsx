import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../test/test-utils';
import { initialsOf } from './user-menu';

function signedIn(role: 'member' | 'admin' = 'member') {
  const me = makeMe({ roles: role === 'admin' ? ['admin'] : [] });
  return stubFetch(({ url, method }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/auth/logout' && method === 'POST') return new Response(null, { status: 204 });
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    return apiError(404, 'NOT_FOUND');
  });
}

describe('SiteHeader', () => {
  it('opens the account menu with the keyboard, closes it with Escape and gives focus back', async () => {
    signedIn();
    renderApp({ path: '/cities' });
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: /Account menu: Ana Souza/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
    await waitFor(() => expect(within(panel).getByRole('link', { name: 'Profile' })).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(within(panel).getByRole('link', { name: 'Notifications' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(panel).getByRole('link', { name: 'Profile' })).toHaveFocus();
    expect(within(panel).getByLabelText('Language')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Log out' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toBeVisible();
    expect(button).toHaveFocus();

    // Enter opens it too; a click outside closes it.
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.click(document.body);
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('keeps the sections in the main navigation and signs out from the account menu', async () => {
    const { requests } = signedIn('admin');
    renderApp({ path: '/cities' });
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Admin' });
    for (const name of ['Partnerships', 'Forums', 'Visits', 'Workshops', 'Training', 'Cities', 'Join requests']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    await user.click(within(nav).getByRole('button', { name: /Account menu/ }));
    await user.click(within(nav).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/auth/logout')).toBe(true));
    // the signed-out page is a lazy route: on a busy machine it takes longer than findBy's default second
    expect(await within(nav).findByRole('link', { name: 'Log in' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('names a person by up to two initials', () => {
    expect(initialsOf('Daniel Okafor')).toBe('DO');
    expect(initialsOf('Pieter de Vries')).toBe('PV');
    expect(initialsOf('Amira')).toBe('A');
    expect(initialsOf('أمل الحسن')).toBe('أا');
  });
});
