import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonCardDto } from '@twinning/contracts';
import { apiRequest } from '../../lib/api-client';

export const peopleKeys = {
  all: ['people'] as const,
  card: (id: string) => [...peopleKeys.all, 'card', id] as const,
};

export function getPerson(id: string, signal?: AbortSignal): Promise<PersonCardDto> {
  return apiRequest<PersonCardDto>(`/api/people/${encodeURIComponent(id)}`, { signal });
}

export const personQueryOptions = (id: string) =>
  queryOptions({
    queryKey: peopleKeys.card(id),
    queryFn: ({ signal }) => getPerson(id, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

/** GET /api/people/:id — the person card; 404 when the viewer shares no space with them. */
export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
