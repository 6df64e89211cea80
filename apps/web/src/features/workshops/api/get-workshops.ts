import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, WorkshopListQuery, WorkshopSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys, type WorkshopListFilters } from './workshops.keys';

export const WORKSHOP_PAGE_SIZE = 20;

export function getWorkshops(query: WorkshopListQuery, signal?: AbortSignal): Promise<Page<WorkshopSummaryDto>> {
  return apiRequest<Page<WorkshopSummaryDto>>('/api/workshops', {
    signal,
    query: {
      when: query.when,
      theme: query.theme,
      partnershipId: query.partnershipId,
      mine: query.mine ? true : undefined,
      cursor: query.cursor,
      limit: query.limit,
    },
  });
}

/** Workshops the viewer may see (public ones, and those of their partnerships), a page at a time. */
export const workshopsInfiniteQueryOptions = (filters: WorkshopListFilters) =>
  infiniteQueryOptions({
    queryKey: workshopKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      getWorkshops({ ...filters, cursor: pageParam, limit: WORKSHOP_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useWorkshops(filters: WorkshopListFilters) {
  return useInfiniteQuery(workshopsInfiniteQueryOptions(filters));
}
