import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange, refreshWorkshop } from './workshop-cache';

/** A facilitator ends the workshop: the room closes for good and its transcript stays readable. */
export function endWorkshop(workshopId: string): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}/end`, { method: 'POST' });
}

export function useEndWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endWorkshop,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
    // Another facilitator may have changed its state meanwhile: show what it is now.
    onError: (_error, workshopId) => refreshWorkshop(queryClient, workshopId),
  });
}
