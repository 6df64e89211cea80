import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkshopRequest, WorkshopDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyWorkshopChange } from './workshop-cache';

/** Facilitators and admins schedule a workshop; they become its first facilitator. */
export function createWorkshop(body: CreateWorkshopRequest): Promise<WorkshopDto> {
  return apiRequest<WorkshopDto>('/api/workshops', { method: 'POST', body });
}

export function useCreateWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkshop,
    onSuccess: (workshop) => applyWorkshopChange(queryClient, workshop),
  });
}
