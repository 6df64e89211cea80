import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingRequestDto, WithdrawTrainingRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { applyTrainingRequest } from './training-cache';

export function withdrawTrainingRequest(requestId: string, body: WithdrawTrainingRequest): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(`${trainingRequestPath(requestId)}/withdraw`, { method: 'POST', body });
}

export function useWithdrawTrainingRequest(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawTrainingRequest) => withdrawTrainingRequest(requestId, body),
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
