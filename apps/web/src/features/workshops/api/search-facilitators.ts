import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

/** People who may facilitate (the facilitator and admin platform roles) whose name matches `q`. */
export function searchFacilitators(q: string, signal?: AbortSignal): Promise<UserSummary[]> {
  return apiRequest<UserSummary[]>('/api/workshops/facilitators', { signal, query: { q } });
}

export const facilitatorSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: workshopKeys.facilitators(q),
    queryFn: ({ signal }) => searchFacilitators(q, signal),
    placeholderData: keepPreviousData,
  });

export function useFacilitatorSearch(q: string) {
  return useQuery(facilitatorSearchQueryOptions(q));
}
