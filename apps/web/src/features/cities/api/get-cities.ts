import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { CityListQuery, CitySummaryDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { cityKeys, type CityFilters } from './cities.keys';

export const CITY_PAGE_SIZE = 12;

export function getCities(query: CityListQuery, signal?: AbortSignal): Promise<Page<CitySummaryDto>> {
  return apiRequest<Page<CitySummaryDto>>('/api/cities', {
    signal,
    query: {
      region: query.region,
      profile: query.profile,
      theme: query.theme,
      q: query.q,
      cursor: query.cursor,
      limit: query.limit,
    },
  });
}

export const citiesInfiniteQueryOptions = (filters: CityFilters) =>
  infiniteQueryOptions({
    queryKey: cityKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getCities({ ...filters, cursor: pageParam, limit: CITY_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useCities(filters: CityFilters) {
  return useInfiniteQuery(citiesInfiniteQueryOptions(filters));
}
