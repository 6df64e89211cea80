import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicOverviewDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { homeKeys } from './home.keys';

export function getPublicOverview(signal?: AbortSignal): Promise<PublicOverviewDto> {
  return apiRequest<PublicOverviewDto>('/api/public/overview', { signal });
}

export const publicOverviewQueryOptions = () =>
  queryOptions({
    queryKey: homeKeys.publicOverview(),
    queryFn: ({ signal }) => getPublicOverview(signal),
    staleTime: 5 * 60_000,
  });

export function usePublicOverview() {
  return useQuery(publicOverviewQueryOptions());
}
