import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PartnershipDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export interface WithdrawInvitationVariables {
  partnershipId: string;
  cityId: string;
  note?: string;
}

export function withdrawInvitation({ partnershipId, cityId, note }: WithdrawInvitationVariables) {
  return apiRequest<PartnershipDetailDto>(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/invitations/${encodeURIComponent(cityId)}/withdraw`,
    { method: 'POST', body: note ? { note } : {} },
  );
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
