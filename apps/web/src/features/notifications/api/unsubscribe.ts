import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { UnsubscribeInfoDto, UnsubscribeResultDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notifications.keys';

/** What an unsubscribe link would turn off; changes nothing. Works without signing in. */
export function getUnsubscribeInfo(token: string, signal?: AbortSignal): Promise<UnsubscribeInfoDto> {
  return apiRequest<UnsubscribeInfoDto>('/api/unsubscribe', { query: { token }, signal, retryOnUnauthorized: false });
}

export function unsubscribe(token: string): Promise<UnsubscribeResultDto> {
  return apiRequest<UnsubscribeResultDto>('/api/unsubscribe', {
    method: 'POST',
    query: { token },
    retryOnUnauthorized: false,
  });
}

export const unsubscribeInfoQueryOptions = (token: string) =>
  queryOptions({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: ({ signal }) => getUnsubscribeInfo(token, signal),
    retry: false,
  });

export function useUnsubscribeInfo(token: string) {
  return useQuery({ ...unsubscribeInfoQueryOptions(token), enabled: token !== '' });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: unsubscribe });
}
