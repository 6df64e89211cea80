import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VisitParticipantDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { visitKeys } from './visits.keys';

/** Under the visit's key, so refreshing the visit (live registrations) refreshes the list. */
export const participantsKey = (visitId: string) => [...visitKeys.detail(visitId), 'participants'] as const;

/** Who comes, for everyone who may see the visit; needs only on the viewer's own row. */
export function getParticipants(visitId: string, signal?: AbortSignal): Promise<VisitParticipantDto[]> {
  return apiRequest<VisitParticipantDto[]>(`${visitPath(visitId)}/participants`, { signal });
}

export const participantsQueryOptions = (visitId: string) =>
  queryOptions({
    queryKey: participantsKey(visitId),
    queryFn: ({ signal }) => getParticipants(visitId, signal),
  });

export function useParticipants(visitId: string) {
  return useQuery(participantsQueryOptions(visitId));
}
