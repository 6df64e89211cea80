import { queryOptions, useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX, type Page, type PartnershipSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

/** Pages read at most (of 100 each): more partnerships than that would not fit a select anyway. */
const MAX_PAGES = 5;

export interface ScopePartnership {
  id: string;
  title: string;
}

/**
 * The active partnerships a workshop may be reserved to: those the viewer belongs to (admins may use
 * any they see). Read from `GET /api/partnerships`, every page.
 */
export async function getScopePartnerships(includeAll: boolean, signal?: AbortSignal): Promise<ScopePartnership[]> {
  const result: ScopePartnership[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await apiRequest<Page<PartnershipSummaryDto>>('/api/partnerships', {
      signal,
      query: { status: 'active', cursor, limit: PAGE_SIZE_MAX },
    });
    for (const item of answer.items) {
      if (includeAll || item.viewerRole !== null) result.push({ id: item.id, title: item.title });
    }
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return result.sort((a, b) => a.title.localeCompare(b.title));
}

export const scopePartnershipsQueryOptions = (includeAll: boolean) =>
  queryOptions({
    queryKey: [...workshopKeys.scopePartnerships(), includeAll] as const,
    queryFn: ({ signal }) => getScopePartnerships(includeAll, signal),
  });

export function useScopePartnerships(includeAll: boolean) {
  return useQuery(scopePartnershipsQueryOptions(includeAll));
}
