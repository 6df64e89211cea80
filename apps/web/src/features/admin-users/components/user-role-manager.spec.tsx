import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('UserRoleManager', () => {
  it('searches as the admin types, with the search kept in the address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ roles: ['admin'] })));
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/admin?q=ana' });
    const box = await screen.findByRole('searchbox', { name: 'Search users' }, { timeout: 5000 });
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

describe('UserRoleManager: platform roles', () => {
  const fay = {
    id: 'user-fay',
    displayName: 'Fay Fofanah',
    email: 'fay@example.org',
    roles: ['facilitator'],
    createdAt: '2026-02-01T10:00:00.000Z',
  };

  it('edits the set with one checkbox per role and saves it in one request', async () => {
    const { requests } = stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ roles: ['admin'] })));
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [fay], nextCursor: null });
      if (url.pathname === '/api/admin/users/user-fay/role' && method === 'PUT') {
        return jsonResponse({ ...fay, roles: (body as { roles: string[] }).roles });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/admin?q=fay' });
    const user = userEvent.setup();
    const group = await screen.findByRole('group', { name: 'Platform roles of Fay Fofanah' }, { timeout: 5000 });
    const box = (name: string) => within(group).getByRole('checkbox', { name });
    expect(box('Administrator')).not.toBeChecked();
    expect(box('Facilitator')).toBeChecked();
    expect(box('Reviewer')).not.toBeChecked();
    const save = screen.getByRole('button', { name: 'Save roles of Fay Fofanah' });
    expect(save).toBeDisabled();

    await user.click(box('Reviewer'));
    expect(save).toBeEnabled();
    await user.click(save);
    expect(await screen.findByText('The roles of Fay Fofanah were updated: Facilitator and Reviewer.')).toBeVisible();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ roles: ['facilitator', 'reviewer'] });
    expect(save).toBeDisabled();

    // none ticked: a member
    await user.click(box('Facilitator'));
    await user.click(box('Reviewer'));
    await user.click(save);
    expect(await screen.findByText('The roles of Fay Fofanah were updated: Member.')).toBeVisible();
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({ roles: [] });
  });

  it('names the roles in Arabic', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') {
        return jsonResponse(makeAuth(makeMe({ roles: ['admin'], preferredLanguage: 'ar' })));
      }
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [fay], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/admin?q=fay', initialLanguage: 'ar' });
    const group = await screen.findByRole('group', { name: 'أدوار Fay Fofanah على المنصة' }, { timeout: 5000 });
    expect(within(group).getByRole('checkbox', { name: 'مُراجِع' })).not.toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'ميسّر' })).toBeChecked();
  });
});
