import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ScheduleTrainingRequest, TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { applyTrainingRequest } from './training-cache';

export function scheduleTrainingRequest(id: string, body: ScheduleTrainingRequest): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(`${trainingRequestPath(id)}/schedule`, { method: 'POST', body });
}

export function useScheduleTrainingRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleTrainingRequest) => scheduleTrainingRequest(id, body),
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
