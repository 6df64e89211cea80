import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CityDetailDto, CitySummaryDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { partnershipKeys } from './partnerships.keys';

export const CITY_SEARCH_LIMIT = 8;

/** The public city directory, searched by name (the cities feature owns its pages; this is the same endpoint). */
export function searchCities(q: string, signal?: AbortSignal): Promise<Page<CitySummaryDto>> {
  return apiRequest<Page<CitySummaryDto>>('/api/cities', { signal, query: { q, limit: CITY_SEARCH_LIMIT } });
}

export function useCitySearch(q: string) {
  return useQuery({
    queryKey: partnershipKeys.citySearch(q),
    queryFn: ({ signal }) => searchCities(q, signal),
    placeholderData: keepPreviousData,
  });
}

/** One city by id (the city page answers to an id as well as a slug). */
export function getCityById(id: string, signal?: AbortSignal): Promise<CityDetailDto> {
  return apiRequest<CityDetailDto>(`/api/cities/${encodeURIComponent(id)}`, { signal });
}

export const cityByIdQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.city(id),
    queryFn: ({ signal }) => getCityById(id, signal),
    staleTime: 5 * 60_000,
  });

export function useCityById(id: string | undefined) {
  return useQuery({ ...cityByIdQueryOptions(id ?? ''), enabled: !!id });
}
