import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange } from './workshop-cache';

export interface RemoveFacilitatorVariables {
  workshopId: string;
  userId: string;
}

/** Takes a co-facilitator off the workshop (the creator stays). */
export function removeFacilitator({ workshopId, userId }: RemoveFacilitatorVariables): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(
    `/api/workshops/${encodeURIComponent(workshopId)}/facilitators/${encodeURIComponent(userId)}`,
    { method: 'DELETE' },
  );
}

export function useRemoveFacilitator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFacilitator,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
  });
}
