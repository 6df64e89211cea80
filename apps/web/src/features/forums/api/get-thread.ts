import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ThreadDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export function getThread(threadId: string, signal?: AbortSignal): Promise<ThreadDto> {
  return apiRequest<ThreadDto>(`/api/threads/${encodeURIComponent(threadId)}`, { signal });
}

export const threadQueryOptions = (threadId: string) =>
  queryOptions({
    queryKey: forumKeys.thread(threadId),
    queryFn: ({ signal }) => getThread(threadId, signal),
  });

export function useThread(threadId: string) {
  return useQuery(threadQueryOptions(threadId));
}
