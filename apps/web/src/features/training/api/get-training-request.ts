import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingKeys } from './training.keys';

export const trainingRequestPath = (id: string) => `/api/training/requests/${encodeURIComponent(id)}`;

export function getTrainingRequest(id: string, signal?: AbortSignal): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(trainingRequestPath(id), { signal });
}

export const trainingRequestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: trainingKeys.detail(id),
    queryFn: ({ signal }) => getTrainingRequest(id, signal),
  });

export function useTrainingRequest(id: string) {
  return useQuery(trainingRequestQueryOptions(id));
}
