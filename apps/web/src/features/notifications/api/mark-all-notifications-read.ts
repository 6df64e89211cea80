import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnreadCountDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { markReadInCache, setUnreadCount } from './notification-cache';
import { notificationKeys } from './notifications.keys';

export function markAllNotificationsRead(): Promise<UnreadCountDto> {
  return apiRequest<UnreadCountDto>('/api/notifications/read-all', { method: 'POST' });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: ({ count }) => {
      setUnreadCount(queryClient, count);
      markReadInCache(queryClient, 'all', new Date().toISOString());
      // The "unread only" list is now empty: read it again rather than show read items in it.
      return queryClient.invalidateQueries({ queryKey: notificationKeys.list({ unread: true }) });
    },
  });
}
