import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PartnershipDetailDto, UserSummary } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitKeys } from './visits.keys';

/** The officials of a partnership's member cities: who a milestone made from the report may go to. */
export async function getPartnershipMembers(partnershipId: string, signal?: AbortSignal): Promise<UserSummary[]> {
  const detail = await apiRequest<PartnershipDetailDto>(`/api/partnerships/${encodeURIComponent(partnershipId)}`, {
    signal,
  });
  const people = new Map<string, UserSummary>();
  for (const member of detail.members) {
    people.set(member.user.id, { id: member.user.id, displayName: member.user.displayName });
  }
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const partnershipMembersQueryOptions = (partnershipId: string) =>
  queryOptions({
    queryKey: visitKeys.partnershipMembers(partnershipId),
    queryFn: ({ signal }) => getPartnershipMembers(partnershipId, signal),
  });

export function usePartnershipMembers(partnershipId: string, enabled = true) {
  return useQuery({ ...partnershipMembersQueryOptions(partnershipId), enabled });
}
