import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** People with the facilitator (or admin) role whose name matches `q`: candidate co-authors. */
export function searchFacilitators(q: string, signal?: AbortSignal): Promise<UserSummary[]> {
  return apiRequest<UserSummary[]>('/api/workshops/facilitators', { signal, query: { q } });
}

export const facilitatorMatchesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.facilitators(q),
    queryFn: ({ signal }) => searchFacilitators(q, signal),
    placeholderData: keepPreviousData,
  });

export function useFacilitatorMatches(q: string) {
  return useQuery({ ...facilitatorMatchesQueryOptions(q), enabled: q.length > 0 });
}
