import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RosterEntryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { visitKeys } from './visits.keys';

/** The delegation (coordinators only): registered and waitlisted people, with their needs. */
export function getRoster(visitId: string, signal?: AbortSignal): Promise<RosterEntryDto[]> {
  return apiRequest<RosterEntryDto[]>(`${visitPath(visitId)}/roster`, { signal });
}

export const rosterQueryOptions = (visitId: string) =>
  queryOptions({
    queryKey: visitKeys.roster(visitId),
    queryFn: ({ signal }) => getRoster(visitId, signal),
  });

export function useRoster(visitId: string) {
  return useQuery(rosterQueryOptions(visitId));
}
