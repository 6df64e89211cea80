import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MilestoneDto, UpdateMilestoneRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyMilestoneChange } from './partnership-cache';

export interface UpdateMilestoneVariables {
  partnershipId: string;
  milestoneId: string;
  changes: UpdateMilestoneRequest;
}

export function updateMilestone({ partnershipId, milestoneId, changes }: UpdateMilestoneVariables) {
  return apiRequest<MilestoneDto>(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/milestones/${encodeURIComponent(milestoneId)}`,
    { method: 'PATCH', body: changes },
  );
}

export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMilestone,
    onSuccess: (saved, { partnershipId }) => applyMilestoneChange(queryClient, partnershipId, { saved }),
  });
}
