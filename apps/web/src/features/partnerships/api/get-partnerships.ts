import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, PartnershipListQuery, PartnershipSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { partnershipKeys, type PartnershipListFilter } from './partnerships.keys';

export const PARTNERSHIP_PAGE_SIZE = 20;

export function getPartnerships(
  query: PartnershipListQuery,
  signal?: AbortSignal,
): Promise<Page<PartnershipSummaryDto>> {
  return apiRequest<Page<PartnershipSummaryDto>>('/api/partnerships', {
    signal,
    query: { status: query.status, cursor: query.cursor, limit: query.limit },
  });
}

/** The viewer's partnerships: those of their cities, and those their cities are invited into. */
export const partnershipsInfiniteQueryOptions = (filter: PartnershipListFilter) =>
  infiniteQueryOptions({
    queryKey: partnershipKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      getPartnerships({ status: filter.status, cursor: pageParam, limit: PARTNERSHIP_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function usePartnerships(filter: PartnershipListFilter) {
  return useInfiniteQuery(partnershipsInfiniteQueryOptions(filter));
}
