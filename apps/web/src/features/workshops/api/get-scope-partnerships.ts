import { queryOptions, useQuery } from '@tanstack/react-query';
import { getActivePartnerships } from '../../../lib/active-partnerships';
import { workshopKeys } from './workshops.keys';

export interface ScopePartnership {
  id: string;
  title: string;
}

/**
 * The active partnerships a workshop may be reserved to: those the viewer belongs to (admins may use
 * any they see).
 */
export async function getScopePartnerships(includeAll: boolean, signal?: AbortSignal): Promise<ScopePartnership[]> {
  return (await getActivePartnerships(signal))
    .filter((item) => includeAll || item.viewerRole !== null)
    .map((item) => ({ id: item.id, title: item.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export const scopePartnershipsQueryOptions = (includeAll: boolean) =>
  queryOptions({
    queryKey: [...workshopKeys.scopePartnerships(), includeAll] as const,
    queryFn: ({ signal }) => getScopePartnerships(includeAll, signal),
  });

export function useScopePartnerships(includeAll: boolean) {
  return useQuery(scopePartnershipsQueryOptions(includeAll));
}
