import type { NotificationDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makeNotification } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('Notifications page', () => {
  it('lists notifications as sentences, filters unread ones and marks them all read', async () => {
    let notifications: NotificationDto[] = [
      makeNotification('partnership.accepted', { id: 'n-accepted' }),
      makeNotification('forum.mention', { id: 'n-mention' }),
      makeNotification('partnership.concluded', {
        id: 'n-concluded',
        readAt: '2026-03-01T09:00:00.000Z',
        createdAt: '2026-02-27T20:30:00.000Z',
      }),
    ];
    const unreadCount = () => notifications.filter((n) => n.readAt === null).length;
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: unreadCount() });
      if (url.pathname === '/api/notifications' && method === 'GET') {
        const unreadOnly = url.searchParams.get('unread') === 'true';
        return jsonResponse({
          items: notifications.filter((n) => !unreadOnly || n.readAt === null),
          nextCursor: null,
        });
      }
      if (url.pathname === '/api/notifications/read-all' && method === 'POST') {
        notifications = notifications.map((n) => ({ ...n, readAt: n.readAt ?? '2026-03-03T09:00:00.000Z' }));
        return jsonResponse({ count: 0 });
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/notifications' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Your notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(
      within(list).getByRole('link', {
        name: 'Li Wei accepted the invitation of Penang to the partnership “Toronto – Penang”',
      }),
    ).toHaveAttribute('href', '/partnerships/partnership-1');
    expect(
      within(list).getByRole('link', { name: 'Li Wei mentioned you in “Welcoming newcomers in the first week”' }),
    ).toHaveAttribute('href', '/threads/thread-1?post=8');
    expect(within(list).getByText('@ana_souza what do you think?')).toBeInTheDocument();
    // Dates in the reader's time zone (America/Toronto).
    expect(within(list).getAllByText('Mar 2, 2026, 9:00 AM')).toHaveLength(2);
    expect(within(list).getByText('Feb 27, 2026, 3:30 PM')).toBeInTheDocument();
    expect(screen.getByText('2 unread notifications')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    expect(router.state.location.search).toBe('?unread=1');
    const unreadList = await screen.findByRole('list', { name: 'Your unread notifications' });
    expect(within(unreadList).getAllByRole('listitem')).toHaveLength(2);
    expect(requests.some((r) => r.url.searchParams.get('unread') === 'true')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    expect(await screen.findByText('All your notifications are marked as read.')).toBeInTheDocument();
    expect(await screen.findByText('You have read all your notifications.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    // Focus lands on the outcome rather than on the page's end.
    expect(screen.getByText('All your notifications are marked as read.').closest('[tabindex="-1"]')).toHaveFocus();
  });

  it('marks one notification read and keeps focus on it', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 1 });
      if (url.pathname === '/api/notifications' && method === 'GET') {
        return jsonResponse({ items: [makeNotification('partnership.withdrawn', { id: 'n-1' })], nextCursor: null });
      }
      if (url.pathname === '/api/notifications/n-1/read' && method === 'POST') return jsonResponse(undefined, 204);
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/notifications' });
    const user = userEvent.setup();
    const sentence = 'Ana Souza withdrew the invitation of Penang to the partnership “Toronto – Penang”';

    await user.click(await screen.findByRole('button', { name: `Mark as read: ${sentence}` }));

    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/notifications/n-1/read')).toBe(true));
    expect(screen.getByRole('link', { name: sentence })).toHaveFocus();
    expect(screen.queryByText('Unread:')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: `Mark as read: ${sentence}` })).not.toBeInTheDocument();
  });

  it('quotes a join request’s message as plain text, and shows none for a request created before messages travelled', async () => {
    const message = 'Settlement policy lead **since 2019** <b>not bold</b>';
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 2 });
      if (url.pathname === '/api/notifications') {
        return jsonResponse({
          items: [
            makeNotification('join_request.created', { id: 'n-new', payload: { message } }),
            makeNotification('join_request.created', { id: 'n-old' }),
          ],
          nextCursor: null,
        });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/notifications' });
    const list = await screen.findByRole('list', { name: 'Your notifications' });
    const [withMessage, without] = within(list).getAllByRole('listitem');
    const quote = withMessage.querySelector('blockquote');
    expect(quote?.textContent).toBe(message);
    expect(quote?.querySelector('b, strong')).toBeNull();
    expect(without.querySelector('blockquote')).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/notifications') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/notifications' });
    expect(await screen.findByText(/You have no notifications yet\./)).toBeInTheDocument();
  });
});
