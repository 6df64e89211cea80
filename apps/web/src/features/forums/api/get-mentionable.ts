import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MentionCandidateDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

/** People who can read the thread whose name or handle starts with `q`. */
export function getMentionable(threadId: string, q: string, signal?: AbortSignal): Promise<MentionCandidateDto[]> {
  return apiRequest<MentionCandidateDto[]>(`/api/threads/${encodeURIComponent(threadId)}/mentionable`, {
    signal,
    query: { q },
  });
}

export const mentionableQueryOptions = (threadId: string, q: string) =>
  queryOptions({
    queryKey: forumKeys.mentionable(threadId, q),
    queryFn: ({ signal }) => getMentionable(threadId, q, signal),
    staleTime: 60_000,
  });

export function useMentionable(threadId: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    ...mentionableQueryOptions(threadId ?? '', q),
    enabled: enabled && !!threadId && q.length > 0,
    // While the next suggestions load, keep showing the previous ones instead of flickering.
    placeholderData: keepPreviousData,
  });
}
