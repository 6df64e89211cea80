import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { SearchPage, SearchQuery } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys, type SearchFilters } from './forums.keys';

export const SEARCH_PAGE_SIZE = 20;

/**
 * Posts matching the words (and their stemmed forms), best first, in the forums the viewer may
 * read; `capped` when only the newest SEARCH_RANK_LIMIT matches were ranked.
 */
export function searchPosts(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
  return apiRequest<SearchPage>('/api/search', {
    signal,
    query: {
      q: query.q,
      forumId: query.forumId,
      theme: query.theme,
      cursor: query.cursor,
      limit: query.limit,
    },
  });
}

export const searchInfiniteQueryOptions = (filters: SearchFilters) =>
  infiniteQueryOptions({
    queryKey: forumKeys.search(filters),
    queryFn: ({ pageParam, signal }) => searchPosts({ ...filters, cursor: pageParam, limit: SEARCH_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useSearchPosts(filters: SearchFilters) {
  return useInfiniteQuery({ ...searchInfiniteQueryOptions(filters), enabled: filters.q.trim() !== '' });
}
