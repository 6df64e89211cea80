import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PartnershipDetailDto, UpdatePartnershipRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export interface UpdatePartnershipVariables {
  partnershipId: string;
  changes: UpdatePartnershipRequest;
}

export function updatePartnership({ partnershipId, changes }: UpdatePartnershipVariables) {
  return apiRequest<PartnershipDetailDto>(`/api/partnerships/${encodeURIComponent(partnershipId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function useUpdatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartnership,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
