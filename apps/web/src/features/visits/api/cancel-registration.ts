import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyRegistration } from './registration-cache';

/** Cancels the viewer's registration; the next person on the waitlist takes the place. */
export function cancelRegistration(visitId: string): Promise<void> {
  return apiRequest<void>(`${visitPath(visitId)}/registration`, { method: 'DELETE' });
}

export function useCancelRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRegistration,
    onSuccess: (_nothing, visitId) => applyRegistration(queryClient, visitId, null),
  });
}
