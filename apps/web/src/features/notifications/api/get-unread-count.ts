import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadCountDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notifications.keys';

export function getUnreadCount(signal?: AbortSignal): Promise<UnreadCountDto> {
  return apiRequest<UnreadCountDto>('/api/notifications/unread-count', { signal });
}

/** Kept current by the live connection (see useNotificationsLive), so it is not refetched on a timer. */
export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    staleTime: 5 * 60_000,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}
