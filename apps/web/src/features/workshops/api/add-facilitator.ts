import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddFacilitatorRequest, WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange } from './workshop-cache';

export interface AddFacilitatorVariables {
  workshopId: string;
  userId: string;
}

/** Makes a facilitator (or admin) a co-facilitator; they are notified. */
export function addFacilitator({ workshopId, userId }: AddFacilitatorVariables): Promise<WorkshopDto> {
  const body: AddFacilitatorRequest = { userId };
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}/facilitators`, {
    method: 'POST',
    body,
  });
}

export function useAddFacilitator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addFacilitator,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
  });
}
