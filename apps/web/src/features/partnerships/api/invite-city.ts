import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InviteCityRequest, PartnershipDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyPartnershipChange } from './partnership-cache';

export interface InviteCityVariables extends InviteCityRequest {
  partnershipId: string;
}

export function inviteCity({ partnershipId, cityId, message }: InviteCityVariables) {
  const body: InviteCityRequest = message ? { cityId, message } : { cityId };
  return apiRequest<PartnershipDetailDto>(`/api/partnerships/${encodeURIComponent(partnershipId)}/invitations`, {
    method: 'POST',
    body,
  });
}

export function useInviteCity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteCity,
    onSuccess: (partnership) => applyPartnershipChange(queryClient, partnership),
  });
}
