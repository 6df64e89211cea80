import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingRequest, TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyTrainingRequest } from './training-cache';

export function createTrainingRequest(request: CreateTrainingRequest): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>('/api/training/requests', { method: 'POST', body: request });
}

export function useCreateTrainingRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTrainingRequest,
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
