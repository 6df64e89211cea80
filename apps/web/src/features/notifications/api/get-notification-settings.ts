import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationSettingDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notifications.keys';

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettingDto[]> {
  return apiRequest<NotificationSettingDto[]>('/api/me/notification-settings', { signal });
}

export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) => getNotificationSettings(signal),
  });

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions());
}
