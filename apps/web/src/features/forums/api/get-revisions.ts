import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PostRevisionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export function getRevisions(postId: string, signal?: AbortSignal): Promise<PostRevisionDto[]> {
  return apiRequest<PostRevisionDto[]>(`/api/posts/${encodeURIComponent(postId)}/revisions`, { signal });
}

export const revisionsQueryOptions = (postId: string) =>
  queryOptions({
    queryKey: forumKeys.revisions(postId),
    queryFn: ({ signal }) => getRevisions(postId, signal),
  });

export function useRevisions(postId: string) {
  return useQuery(revisionsQueryOptions(postId));
}
