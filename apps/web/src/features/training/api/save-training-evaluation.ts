import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingEvaluationAnswer, TrainingEvaluationDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { trainingKeys } from './training.keys';

export function saveTrainingEvaluation(id: string, body: TrainingEvaluationAnswer): Promise<TrainingEvaluationDto> {
  return apiRequest<TrainingEvaluationDto>(`${trainingRequestPath(id)}/evaluation`, { method: 'PUT', body });
}

export function useSaveTrainingEvaluation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingEvaluationAnswer) => saveTrainingEvaluation(id, body),
    onSuccess: (evaluation) => queryClient.setQueryData(trainingKeys.evaluation(id), evaluation),
  });
}
