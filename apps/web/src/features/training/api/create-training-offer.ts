import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingOfferRequest, TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { applyTrainingRequest } from './training-cache';

/** Answers an open request; the API returns the request with the new offer. */
export function createTrainingOffer(requestId: string, offer: CreateTrainingOfferRequest): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(`${trainingRequestPath(requestId)}/offers`, { method: 'POST', body: offer });
}

export function useCreateTrainingOffer(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offer: CreateTrainingOfferRequest) => createTrainingOffer(requestId, offer),
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
