import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeDto } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

function renderProfile(me: MeDto, initialLanguage: 'en' | 'fr' = 'en') {
  const calls: string[] = [];
  stubFetch(({ url }) => {
    calls.push(url.pathname);
    if (url.pathname === '/api/auth/resend-verification') return jsonResponse({ status: 'check_your_mail' }, 202);
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/me') return jsonResponse(me);
    if (url.pathname === '/api/me/join-requests') return jsonResponse([]);
    if (url.pathname === '/api/certificates') return jsonResponse([]);
    if (url.pathname === '/api/me/notification-settings') return jsonResponse([]);
    return jsonResponse({ items: [], nextCursor: null });
  });
  return { ...renderApp({ path: '/profile', initialLanguage }), calls };
}

describe('EmailBouncingNotice', () => {
  it('tells the user on their profile that mail to their address bounces', async () => {
    renderProfile(makeMe({ email: 'ana@example.org', emailStatus: 'bouncing' }));
    const notice = await screen.findByRole('region', { name: 'Mail to ana@example.org is not delivered' });
    expect(notice).toHaveTextContent('A mail server refused this address permanently');
    // It leads to the form that fixes it.
    const change = within(notice).getByRole('link', { name: 'Change my email address' });
    expect(change).toHaveAttribute('href', '#change-email');
    expect(document.getElementById('change-email')).toHaveTextContent('Email address');
  });

  it('sends a verification link to the same address, which lifts the marker once followed', async () => {
    const { calls } = renderProfile(makeMe({ email: 'ana@example.org', emailStatus: 'bouncing' }));
    const notice = await screen.findByRole('region', { name: 'Mail to ana@example.org is not delivered' });
    await userEvent.click(within(notice).getByRole('button', { name: 'Send me a verification link' }));
    expect(await within(notice).findByText('We sent a new link to ana@example.org.')).toHaveAttribute('role', 'status');
    expect(calls).toContain('/api/auth/resend-verification');
  });

  it('shows nothing while the address works', async () => {
    renderProfile(makeMe({ emailStatus: 'verified' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /is not delivered/ })).toBeNull();
  });
});
