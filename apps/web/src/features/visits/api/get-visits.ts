import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, VisitListQuery, VisitSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitKeys, type VisitListFilter } from './visits.keys';

export const VISIT_PAGE_SIZE = 20;

export function getVisits(query: VisitListQuery, signal?: AbortSignal): Promise<Page<VisitSummaryDto>> {
  return apiRequest<Page<VisitSummaryDto>>('/api/visits', {
    signal,
    query: {
      when: query.when,
      partnershipId: query.partnershipId,
      month: query.month,
      cursor: query.cursor,
      limit: query.limit,
    },
  });
}

/** Upcoming or past visits of the viewer's partnerships, a page at a time. */
export const visitsInfiniteQueryOptions = (filter: VisitListFilter) =>
  infiniteQueryOptions({
    queryKey: visitKeys.list(filter),
    queryFn: ({ pageParam, signal }) => getVisits({ ...filter, cursor: pageParam, limit: VISIT_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useVisits(filter: VisitListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...visitsInfiniteQueryOptions(filter), enabled: options.enabled ?? true });
}
