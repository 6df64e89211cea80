import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { applyMilestoneChange } from './partnership-cache';

export interface DeleteMilestoneVariables {
  partnershipId: string;
  milestoneId: string;
}

export function deleteMilestone({ partnershipId, milestoneId }: DeleteMilestoneVariables): Promise<void> {
  return apiRequest<void>(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/milestones/${encodeURIComponent(milestoneId)}`,
    { method: 'DELETE' },
  );
}

export function useDeleteMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMilestone,
    onSuccess: (_result, { partnershipId, milestoneId }) =>
      applyMilestoneChange(queryClient, partnershipId, { deletedId: milestoneId }),
  });
}
