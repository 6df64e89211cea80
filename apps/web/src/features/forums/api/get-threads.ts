import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, ThreadListQuery, ThreadSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys, type ThreadFilters } from './forums.keys';

export const THREAD_PAGE_SIZE = 20;

/** Pinned threads first, then by latest activity. */
export function getThreads(
  forumId: string,
  query: ThreadListQuery,
  signal?: AbortSignal,
): Promise<Page<ThreadSummaryDto>> {
  return apiRequest<Page<ThreadSummaryDto>>(`/api/forums/${encodeURIComponent(forumId)}/threads`, {
    signal,
    query: { theme: query.theme, cursor: query.cursor, limit: query.limit },
  });
}

export const threadsInfiniteQueryOptions = (forumId: string, filters: ThreadFilters) =>
  infiniteQueryOptions({
    queryKey: forumKeys.threadList(forumId, filters),
    queryFn: ({ pageParam, signal }) =>
      getThreads(forumId, { ...filters, cursor: pageParam, limit: THREAD_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useThreads(forumId: string, filters: ThreadFilters) {
  return useInfiniteQuery(threadsInfiniteQueryOptions(forumId, filters));
}
