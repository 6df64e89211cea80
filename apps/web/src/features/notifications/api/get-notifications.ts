import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { NotificationDto, NotificationListQuery, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys, type NotificationListFilter } from './notifications.keys';

export const NOTIFICATION_PAGE_SIZE = 20;

export type NotificationPages = InfiniteData<Page<NotificationDto>, string | undefined>;

export function getNotifications(query: NotificationListQuery, signal?: AbortSignal): Promise<Page<NotificationDto>> {
  return apiRequest<Page<NotificationDto>>('/api/notifications', {
    signal,
    query: { unread: query.unread ? true : undefined, cursor: query.cursor, limit: query.limit },
  });
}

/** The viewer's notifications, newest first, page by page. */
export const notificationsInfiniteQueryOptions = (filter: NotificationListFilter) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      getNotifications({ unread: filter.unread, cursor: pageParam, limit: NOTIFICATION_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useNotifications(filter: NotificationListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...notificationsInfiniteQueryOptions(filter), enabled: options.enabled ?? true });
}
