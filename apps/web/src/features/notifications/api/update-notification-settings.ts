import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettingDto, UpdateNotificationSettingsRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notifications.keys';

export function updateNotificationSettings(body: UpdateNotificationSettingsRequest): Promise<NotificationSettingDto[]> {
  return apiRequest<NotificationSettingDto[]>('/api/me/notification-settings', { method: 'PUT', body });
}

/** Saves some kinds' delivery; the answer (every kind) replaces the cached settings. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationSettings,
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings(), settings),
  });
}
