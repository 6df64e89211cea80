import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CityDetailDto, PersonSummary } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingKeys } from './training.keys';

/** The approved officials of a city (from its page), by name. */
export async function getCityOfficials(slug: string, signal?: AbortSignal): Promise<PersonSummary[]> {
  const city = await apiRequest<CityDetailDto>(`/api/cities/${encodeURIComponent(slug)}`, { signal });
  return city.officials.map((official) => official.user).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function useCityOfficials(slug: string | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: trainingKeys.cityOfficials(slug ?? ''),
      queryFn: ({ signal }) => getCityOfficials(slug ?? '', signal),
    }),
    enabled: !!slug,
  });
}
