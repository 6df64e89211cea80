import type { CityListQuery } from '@twinning/contracts';

/** The directory filters (everything in a list query but the paging). */
export type CityFilters = Omit<CityListQuery, 'cursor' | 'limit'>;

export const cityKeys = {
  all: ['cities'] as const,
  lists: () => [...cityKeys.all, 'list'] as const,
  list: (filters: CityFilters) => [...cityKeys.lists(), filters] as const,
  details: () => [...cityKeys.all, 'detail'] as const,
  detail: (slug: string) => [...cityKeys.details(), slug] as const,
};
