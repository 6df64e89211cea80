import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange, refreshWorkshop } from './workshop-cache';

export interface SetRegistrationVariables {
  workshopId: string;
  /** True registers the viewer (WORKSHOP_FULL when no place is left); false gives the place back. */
  registered: boolean;
}

export function setRegistration({ workshopId, registered }: SetRegistrationVariables): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}/registration`, {
    method: registered ? 'PUT' : 'DELETE',
  });
}

export function useSetRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRegistration,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
    // Refused (full, removed, ended meanwhile): what the page shows is out of date, read it again.
    onError: (_error, { workshopId }) => refreshWorkshop(queryClient, workshopId),
  });
}
