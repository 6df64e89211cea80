import type { QueryClient } from '@tanstack/react-query';
import type { NotificationDto, UnreadCountDto } from '@twinning/contracts';
import type { NotificationPages } from './get-notifications';
import { notificationKeys } from './notifications.keys';

/** Cache updates shared by the live connection and the mutations. */

export function setUnreadCount(queryClient: QueryClient, count: number): void {
  queryClient.setQueryData<UnreadCountDto>(notificationKeys.unreadCount(), { count: Math.max(0, count) });
}

/** Puts a new notification at the top of every cached list (once, even if it arrives twice). */
export function prependNotification(queryClient: QueryClient, notification: NotificationDto): void {
  queryClient.setQueriesData<NotificationPages>({ queryKey: notificationKeys.lists() }, (data) => {
    if (!data) return data;
    if (data.pages.some((page) => page.items.some((item) => item.id === notification.id))) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, items: [notification, ...first.items] }, ...rest] };
  });
}

/** Marks cached notifications read: the given ones, or all of them. */
export function markReadInCache(queryClient: QueryClient, ids: 'all' | readonly string[], readAt: string): void {
  const matches = (id: string) => ids === 'all' || ids.includes(id);
  queryClient.setQueriesData<NotificationPages>({ queryKey: notificationKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.readAt === null && matches(item.id) ? { ...item, readAt } : item)),
          })),
        }
      : data,
  );
}
