import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange, refreshWorkshop } from './workshop-cache';

/** A facilitator opens the room: the workshop goes live and registered participants are notified. */
export function openWorkshop(workshopId: string): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}/open`, { method: 'POST' });
}

export function useOpenWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openWorkshop,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
    // Another facilitator may have changed its state meanwhile: show what it is now.
    onError: (_error, workshopId) => refreshWorkshop(queryClient, workshopId),
  });
}
