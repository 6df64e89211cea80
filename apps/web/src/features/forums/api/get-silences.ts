import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SilenceDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

/** People currently silenced in a forum (moderators). */
export function getSilences(forumId: string, signal?: AbortSignal): Promise<SilenceDto[]> {
  return apiRequest<SilenceDto[]>(`/api/forums/${encodeURIComponent(forumId)}/silences`, { signal });
}

export const silencesQueryOptions = (forumId: string) =>
  queryOptions({
    queryKey: forumKeys.silences(forumId),
    queryFn: ({ signal }) => getSilences(forumId, signal),
  });

export function useSilences(forumId: string) {
  return useQuery(silencesQueryOptions(forumId));
}
