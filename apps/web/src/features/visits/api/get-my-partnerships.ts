import { queryOptions, useQuery } from '@tanstack/react-query';
import { getActivePartnerships } from '../../../lib/active-partnerships';
import { visitKeys } from './visits.keys';

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
 * plan visits for).
 */
export async function getMyPartnerships(signal?: AbortSignal): Promise<MyPartnership[]> {
  return (await getActivePartnerships(signal))
    .filter((item) => item.viewerRole !== null)
    .map((item) => ({
      id: item.id,
      title: item.title,
      coordinator: item.viewerRole === 'coordinator',
      cities: item.cities.filter((city) => city.status === 'member').map(({ id, name }) => ({ id, name })),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export const myPartnershipsQueryOptions = () =>
  queryOptions({
    queryKey: visitKeys.myPartnerships(),
    queryFn: ({ signal }) => getMyPartnerships(signal),
  });

export function useMyPartnerships() {
  return useQuery(myPartnershipsQueryOptions());
}
