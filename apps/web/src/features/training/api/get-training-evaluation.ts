import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TrainingEvaluationDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { trainingKeys } from './training.keys';

export function getTrainingEvaluation(id: string, signal?: AbortSignal): Promise<TrainingEvaluationDto> {
  return apiRequest<TrainingEvaluationDto>(`${trainingRequestPath(id)}/evaluation`, { signal });
}

export const trainingEvaluationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: trainingKeys.evaluation(id),
    queryFn: ({ signal }) => getTrainingEvaluation(id, signal),
  });

export function useTrainingEvaluation(id: string, enabled = true) {
  return useQuery({ ...trainingEvaluationQueryOptions(id), enabled });
}
