import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMilestoneRequest, MilestoneDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyMilestoneChange } from './partnership-cache';

export interface CreateMilestoneVariables {
  partnershipId: string;
  milestone: CreateMilestoneRequest;
}

export function createMilestone({ partnershipId, milestone }: CreateMilestoneVariables): Promise<MilestoneDto> {
  return apiRequest<MilestoneDto>(`/api/partnerships/${encodeURIComponent(partnershipId)}/milestones`, {
    method: 'POST',
    body: milestone,
  });
}

export function useCreateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMilestone,
    onSuccess: (saved, { partnershipId }) => applyMilestoneChange(queryClient, partnershipId, { saved }),
  });
}
