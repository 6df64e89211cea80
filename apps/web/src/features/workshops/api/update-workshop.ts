import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWorkshopRequest, WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange } from './workshop-cache';

export interface UpdateWorkshopVariables {
  workshopId: string;
  changes: UpdateWorkshopRequest;
}

/** Facilitators edit a scheduled or live workshop (its scope is fixed at creation). */
export function updateWorkshop({ workshopId, changes }: UpdateWorkshopVariables): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function useUpdateWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkshop,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
  });
}
