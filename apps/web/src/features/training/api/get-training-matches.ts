import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TrainingMatchesDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { trainingKeys } from './training.keys';

export function getTrainingMatches(id: string, signal?: AbortSignal): Promise<TrainingMatchesDto> {
  return apiRequest<TrainingMatchesDto>(`${trainingRequestPath(id)}/matches`, { signal });
}

export const trainingMatchesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: trainingKeys.matches(id),
    queryFn: ({ signal }) => getTrainingMatches(id, signal),
  });

/** The ranked trainers and expert cities (requesters and admins only). */
export function useTrainingMatches(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...trainingMatchesQueryOptions(id), enabled: options.enabled ?? true });
}
