import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { FlagDto, FlagQueueQuery, FlagStatus, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation.keys';

export const FLAG_PAGE_SIZE = 20;

/** Flags the viewer may handle (admins: all; coordinators: their partnerships' forums). */
export function getFlags(query: FlagQueueQuery, signal?: AbortSignal): Promise<Page<FlagDto>> {
  return apiRequest<Page<FlagDto>>('/api/moderation/flags', {
    signal,
    query: { status: query.status, cursor: query.cursor, limit: query.limit },
  });
}

export const flagsInfiniteQueryOptions = (status: FlagStatus) =>
  infiniteQueryOptions({
    queryKey: moderationKeys.flags(status),
    queryFn: ({ pageParam, signal }) => getFlags({ status, cursor: pageParam, limit: FLAG_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useFlags(status: FlagStatus) {
  return useInfiniteQuery(flagsInfiniteQueryOptions(status));
}
