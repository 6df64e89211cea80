import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeAuth, makeForum, makeMe, makeThread } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

vi.mock('../../../lib/realtime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/realtime')>()),
  useRealtimeEvent: () => undefined,
  useThreadSubscription: () => undefined,
  useForumSubscription: () => undefined,
  onRealtimeReconnect: () => () => undefined,
}));

function stubForumApi(preferredLanguage: 'en' | 'fr') {
  return stubFetch(({ url, method }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ preferredLanguage })));
    if (url.pathname === '/api/forums/forum-integration') return jsonResponse(makeForum());
    if (url.pathname === '/api/forums/forum-integration/threads' && method === 'GET') {
      return jsonResponse({ items: [], nextCursor: null });
    }
    if (url.pathname === '/api/forums/forum-integration/threads' && method === 'POST') {
      return jsonResponse(makeThread({ id: 'thread-new' }), 201);
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('New thread form', () => {
  it('writes in the interface language unless the writer chooses another', async () => {
    const { requests } = stubForumApi('en');
    renderApp({ path: '/forums/forum-integration' });
    const user = userEvent.setup();
    await user.click(await screen.findByText('New thread'));
    const select = screen.getByRole('combobox', { name: 'Written in' });
    expect(select).toHaveValue('en');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'معلمون للوافدين الجدد');
    await user.type(screen.getByRole('textbox', { name: 'First post' }), 'المعلمون يساعدون الأطفال');
    await user.selectOptions(select, 'Arabic');
    await user.click(screen.getByRole('button', { name: 'Create thread' }));
    await waitFor(() =>
      expect(
        requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/forums/forum-integration/threads')?.body,
      ).toMatchObject({ title: 'معلمون للوافدين الجدد', language: 'ar' }),
    );
  });

  it('starts from French in the French interface', async () => {
    stubForumApi('fr');
    renderApp({ path: '/forums/forum-integration', initialLanguage: 'fr' });
    await userEvent.setup().click(await screen.findByText('Nouvelle discussion'));
    const select = screen.getByRole('combobox', { name: 'Rédigé en' });
    expect(select).toHaveValue('fr');
    expect(within(select).getByRole('option', { name: 'espagnol' })).toHaveAttribute('lang', 'es');
  });
});
