import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { applyTrainingRequest } from './training-cache';

export function acceptTrainingOffer(requestId: string, offerId: string): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(
    `${trainingRequestPath(requestId)}/offers/${encodeURIComponent(offerId)}/accept`,
    { method: 'POST' },
  );
}

export function useAcceptTrainingOffer(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offerId: string) => acceptTrainingOffer(requestId, offerId),
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
