import type { NotificationDto } from '@twinning/contracts';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { latestSocket } from '../../../test/fake-socket';
import { makeAuth, makeMe, makeNotification } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

function signedInWith(notifications: NotificationDto[], unread: number) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: unread });
    if (url.pathname === '/api/notifications') return jsonResponse({ items: notifications, nextCursor: null });
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Notification bell', () => {
  it('shows the unread count, and raises it and announces a notification that arrives live', async () => {
    signedInWith([makeNotification('forum.reply')], 2);
    renderApp({ path: '/' });
    const user = userEvent.setup();

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(within(bell).getByText('2')).toBeInTheDocument();

    await user.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const list = await screen.findByRole('list', { name: 'Latest notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(list).getByRole('link', { name: 'Li Wei replied in “Welcoming newcomers in the first week”' }),
    ).toHaveAttribute('href', '/threads/thread-1?post=7');

    act(() =>
      latestSocket().serverEmit('notification.created', {
        notification: makeNotification('partnership.invited', { id: 'notification-new' }),
        unreadCount: 3,
      }),
    );

    expect(await screen.findByRole('button', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
    const sentence = 'Ana Souza (Toronto) invited Penang into the partnership “Toronto – Penang”';
    const announcement = screen.getByText(`New notification: ${sentence}`);
    expect(announcement).toHaveAttribute('aria-live', 'polite');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: sentence })).toHaveAttribute(
      'href',
      '/partnerships/partnership-1',
    );

    // Escape closes the panel and gives focus back to the bell.
    await user.keyboard('{Escape}');
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(bell).toHaveFocus();
  });

  it('follows reads made elsewhere and catches up after a reconnect', async () => {
    let unread = 4;
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: unread });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/' });
    await screen.findByRole('button', { name: 'Notifications, 4 unread' });

    act(() => latestSocket().serverEmit('notification.read', { unreadCount: 0 }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();

    // Offline for a while: the count is read again on reconnect.
    unread = 6;
    act(() => latestSocket().dropConnection());
    act(() => latestSocket().serverAccept());
    expect(await screen.findByRole('button', { name: 'Notifications, 6 unread' })).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/notifications/unread-count')).toHaveLength(2);
  });

  it('marks every notification read from the panel', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 1 });
      if (url.pathname === '/api/notifications') {
        return jsonResponse({ items: [makeNotification('join_request.decided')], nextCursor: null });
      }
      if (url.pathname === '/api/notifications/read-all' && method === 'POST') return jsonResponse({ count: 0 });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    expect(
      await screen.findByRole('link', { name: 'Li Wei approved your request to join Toronto as an official' }),
    ).toHaveAttribute('href', '/cities/toronto');

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    const bell = await screen.findByRole('button', { name: 'Notifications' });
    expect(bell).toHaveFocus();
    expect(screen.getByText('All your notifications are marked as read.')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/notifications/read-all')).toBe(true);
    expect(screen.queryByText('Unread:')).not.toBeInTheDocument();
  });
});
