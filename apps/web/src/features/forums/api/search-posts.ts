import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, SearchQuery, SearchResultDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys, type SearchFilters } from './forums.keys';

export const SEARCH_PAGE_SIZE = 20;

/** Posts matching the words, best first, in the forums the viewer may read. */
export function searchPosts(query: SearchQuery, signal?: AbortSignal): Promise<Page<SearchResultDto>> {
  return apiRequest<Page<SearchResultDto>>('/api/search', {
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
