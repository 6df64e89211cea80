import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, PageQuery, PartnershipActivityDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { partnershipKeys } from './partnerships.keys';

export const ACTIVITY_PAGE_SIZE = 15;

export function getPartnershipActivity(
  partnershipId: string,
  query: PageQuery,
  signal?: AbortSignal,
): Promise<Page<PartnershipActivityDto>> {
  return apiRequest<Page<PartnershipActivityDto>>(`/api/partnerships/${encodeURIComponent(partnershipId)}/activity`, {
    signal,
    query: { cursor: query.cursor, limit: query.limit },
  });
}

/** The partnership's activity feed, newest first (members only). */
export const partnershipActivityInfiniteQueryOptions = (partnershipId: string) =>
  infiniteQueryOptions({
    queryKey: partnershipKeys.activity(partnershipId),
    queryFn: ({ pageParam, signal }) =>
      getPartnershipActivity(partnershipId, { cursor: pageParam, limit: ACTIVITY_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function usePartnershipActivity(partnershipId: string, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    ...partnershipActivityInfiniteQueryOptions(partnershipId),
    enabled: options.enabled ?? true,
  });
}
