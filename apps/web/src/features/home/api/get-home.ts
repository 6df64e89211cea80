import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HomeDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { homeKeys } from './home.keys';

export function getHome(signal?: AbortSignal): Promise<HomeDto> {
  return apiRequest<HomeDto>('/api/me/home', { signal });
}

export const homeQueryOptions = () =>
  queryOptions({
    queryKey: homeKeys.mine(),
    queryFn: ({ signal }) => getHome(signal),
    // Live workshops and unread threads change while the page is open.
    refetchInterval: 60_000,
  });

export function useHome() {
  return useQuery(homeQueryOptions());
}
