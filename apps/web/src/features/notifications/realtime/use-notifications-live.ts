import { useQueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@twinning/contracts';
import { useEffect } from 'react';
import { onRealtimeReconnect, useRealtimeEvent } from '../../../lib/realtime';
import { markReadInCache, prependNotification, setUnreadCount } from '../api/notification-cache';
import { notificationKeys } from '../api/notifications.keys';

/**
 * Keeps the cached notifications and unread count in step with the server's events. Mount it once (the
 * header's bell does); `onArrival` hears each new notification, for instance to announce it.
 */
export function useNotificationsLive(onArrival?: (notification: NotificationDto) => void): void {
  const queryClient = useQueryClient();

  useRealtimeEvent('notification.created', ({ notification, unreadCount }) => {
    setUnreadCount(queryClient, unreadCount);
    prependNotification(queryClient, notification);
    onArrival?.(notification);
  });

  useRealtimeEvent('notification.read', ({ unreadCount }) => {
    setUnreadCount(queryClient, unreadCount);
    if (unreadCount === 0) {
      markReadInCache(queryClient, 'all', new Date().toISOString());
    } else {
      // Read elsewhere (another tab): the lists are refreshed on their next use, not under the reader's eyes.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists(), refetchType: 'none' });
    }
  });

  // Offline catch-up: whatever arrived while the connection was down.
  useEffect(
    () => onRealtimeReconnect(() => void queryClient.invalidateQueries({ queryKey: notificationKeys.all })),
    [queryClient],
  );
}
