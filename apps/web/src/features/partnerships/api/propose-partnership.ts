import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PartnershipDetailDto, ProposePartnershipRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export function proposePartnership(body: ProposePartnershipRequest): Promise<PartnershipDetailDto> {
  return apiRequest<PartnershipDetailDto>('/api/partnerships', { method: 'POST', body });
}

export function useProposePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: proposePartnership,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
