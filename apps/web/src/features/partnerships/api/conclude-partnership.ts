import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConcludePartnershipRequest, PartnershipDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export interface ConcludePartnershipVariables extends ConcludePartnershipRequest {
  partnershipId: string;
}

export function concludePartnership({ partnershipId, note }: ConcludePartnershipVariables) {
  const body: ConcludePartnershipRequest = note ? { note } : {};
  return apiRequest<PartnershipDetailDto>(`/api/partnerships/${encodeURIComponent(partnershipId)}/conclude`, {
    method: 'POST',
    body,
  });
}

export function useConcludePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: concludePartnership,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
