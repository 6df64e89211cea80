import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ForumDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export function getForum(forumId: string, signal?: AbortSignal): Promise<ForumDto> {
  return apiRequest<ForumDto>(`/api/forums/${encodeURIComponent(forumId)}`, { signal });
}

export const forumQueryOptions = (forumId: string) =>
  queryOptions({
    queryKey: forumKeys.detail(forumId),
    queryFn: ({ signal }) => getForum(forumId, signal),
  });

export function useForum(forumId: string) {
  return useQuery(forumQueryOptions(forumId));
}
