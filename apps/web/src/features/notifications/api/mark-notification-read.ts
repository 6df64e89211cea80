import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto, UnreadCountDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { markReadInCache, setUnreadCount } from './notification-cache';
import { notificationKeys } from './notifications.keys';

export function markNotificationRead(id: string): Promise<void> {
  return apiRequest<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

/** Marks one notification read; the lists and the count change at once and are corrected if the call fails. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: NotificationDto) => markNotificationRead(notification.id),
    onMutate: (notification) => {
      if (notification.readAt !== null) return;
      markReadInCache(queryClient, [notification.id], new Date().toISOString());
      const count = queryClient.getQueryData<UnreadCountDto>(notificationKeys.unreadCount())?.count;
      if (count !== undefined) setUnreadCount(queryClient, count - 1);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() }),
  });
}
