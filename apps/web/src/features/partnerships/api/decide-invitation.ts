import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecideInvitationRequest, PartnershipDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export interface DecideInvitationVariables extends DecideInvitationRequest {
  partnershipId: string;
  /** The invited city, on whose behalf the viewer answers. */
  cityId: string;
}

export function decideInvitation({ partnershipId, cityId, decision, note }: DecideInvitationVariables) {
  const body: DecideInvitationRequest = note ? { decision, note } : { decision };
  return apiRequest<PartnershipDetailDto>(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/invitations/${encodeURIComponent(cityId)}/decision`,
    { method: 'POST', body },
  );
}

export function useDecideInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideInvitation,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
