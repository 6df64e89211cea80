import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CityDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { cityKeys } from './cities.keys';

export function getCity(slug: string, signal?: AbortSignal): Promise<CityDetailDto> {
  return apiRequest<CityDetailDto>(`/api/cities/${encodeURIComponent(slug)}`, { signal });
}

export const cityQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: cityKeys.detail(slug),
    queryFn: ({ signal }) => getCity(slug, signal),
  });

export function useCity(slug: string) {
  return useQuery(cityQueryOptions(slug));
}
