import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

export function getWorkshop(workshopId: string, signal?: AbortSignal): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}`, { signal });
}

export const workshopQueryOptions = (workshopId: string) =>
  queryOptions({
    queryKey: workshopKeys.detail(workshopId),
    queryFn: ({ signal }) => getWorkshop(workshopId, signal),
  });

export function useWorkshop(workshopId: string) {
  return useQuery(workshopQueryOptions(workshopId));
}
