import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitKeys } from './visits.keys';

export const visitPath = (id: string) => `/api/visits/${encodeURIComponent(id)}`;

export function getVisit(id: string, signal?: AbortSignal): Promise<VisitDto> {
  return apiRequest<VisitDto>(visitPath(id), { signal });
}

export const visitQueryOptions = (id: string) =>
  queryOptions({
    queryKey: visitKeys.detail(id),
    queryFn: ({ signal }) => getVisit(id, signal),
  });

export function useVisit(id: string) {
  return useQuery(visitQueryOptions(id));
}
