import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../test/test-utils';

function signedIn() {
  const me = makeMe({ roles: [] });
  stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    return apiError(404, 'NOT_FOUND');
  });
}

describe('AppLayout', () => {
  it("moves focus to the new page's heading after a navigation", async () => {
    signedIn();
    renderApp({ path: '/cities' });
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Forums' }));
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'), { timeout: 5000 });
  });

  it('leaves focus where the user moved it while the page was loading', async () => {
    signedIn();
    renderApp({ path: '/cities' });
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const account = await within(nav).findByRole('button', { name: /Account menu/ });
    // the navigation and the move happen together: the new page's heading arrives afterwards
    await user.click(within(nav).getByRole('link', { name: 'Visits' }));
    account.focus();
    await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(account).toHaveFocus();
  });
});
