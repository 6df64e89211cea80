import { queryOptions, useQuery } from '@tanstack/react-query';
import { getActivePartnerships } from '../../../lib/active-partnerships';
import { trainingKeys } from './training.keys';

export interface CoordinatedPartnership {
  id: string;
  title: string;
}

/** Active partnerships where the viewer coordinates a member city: they may request training for them. */
export async function getCoordinatedPartnerships(signal?: AbortSignal): Promise<CoordinatedPartnership[]> {
  return (await getActivePartnerships(signal))
    .filter((item) => item.viewerRole === 'coordinator')
    .map(({ id, title }) => ({ id, title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export function useCoordinatedPartnerships(options: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: trainingKeys.myPartnerships(),
      queryFn: ({ signal }) => getCoordinatedPartnerships(signal),
    }),
    enabled: options.enabled ?? true,
  });
}
