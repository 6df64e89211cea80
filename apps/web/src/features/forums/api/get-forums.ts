import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ForumSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

/** Theme forums first, then the viewer's partnership forums. */
export function getForums(signal?: AbortSignal): Promise<ForumSummaryDto[]> {
  return apiRequest<ForumSummaryDto[]>('/api/forums', { signal });
}

export const forumsQueryOptions = () =>
  queryOptions({
    queryKey: forumKeys.lists(),
    queryFn: ({ signal }) => getForums(signal),
  });

export function useForums() {
  return useQuery(forumsQueryOptions());
}
