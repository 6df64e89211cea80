import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('UserRoleManager', () => {
  it('searches as the admin types, with the search kept in the address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ role: 'admin' })));
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/admin?q=ana' });
    const box = await screen.findByRole('searchbox', { name: 'Search users' }, { timeout: 3000 });
    expect(box).toHaveValue('ana');
    await waitFor(() =>
      expect(requests.some((r) => r.url.pathname === '/api/admin/users' && r.url.searchParams.get('q') === 'ana')).toBe(
        true,
      ),
    );
    expect(screen.queryByRole('button', { name: 'Search' })).toBeNull();

    await userEvent.setup().type(box, ' souza');
    await waitFor(() => expect(router.state.location.search).toBe('?q=ana+souza'));
    await waitFor(() => expect(requests.some((r) => r.url.searchParams.get('q') === 'ana souza')).toBe(true));
    expect(box).toHaveFocus();
  });
});
