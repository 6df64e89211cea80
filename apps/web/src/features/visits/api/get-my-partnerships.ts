import { queryOptions, useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX, type Page, type PartnershipSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitKeys } from './visits.keys';

/** Pages read at most (of 100 each): more partnerships than that would not fit a select anyway. */
const MAX_PAGES = 5;

export interface MyPartnership {
  id: string;
  title: string;
  /** The viewer coordinates one of its member cities: they may plan visits for it. */
  coordinator: boolean;
  /** Member cities: the possible hosts of a visit. */
  cities: { id: string; name: string }[];
}

/**
 * The active partnerships the viewer belongs to (to filter visits by, and, where they coordinate, to
 * plan visits for). Read from `GET /api/partnerships`, every page.
 */
export async function getMyPartnerships(signal?: AbortSignal): Promise<MyPartnership[]> {
  const result: MyPartnership[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await apiRequest<Page<PartnershipSummaryDto>>('/api/partnerships', {
      signal,
      query: { status: 'active', cursor, limit: PAGE_SIZE_MAX },
    });
    for (const item of answer.items) {
      if (item.viewerRole === null) continue;
      result.push({
        id: item.id,
        title: item.title,
        coordinator: item.viewerRole === 'coordinator',
        cities: item.cities.filter((city) => city.status === 'member').map(({ id, name }) => ({ id, name })),
      });
    }
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return result.sort((a, b) => a.title.localeCompare(b.title));
}

export const myPartnershipsQueryOptions = () =>
  queryOptions({
    queryKey: visitKeys.myPartnerships(),
    queryFn: ({ signal }) => getMyPartnerships(signal),
  });

export function useMyPartnerships() {
  return useQuery(myPartnershipsQueryOptions());
}
