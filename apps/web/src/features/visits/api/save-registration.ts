import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyRegistrationDto, VisitRegistrationRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyRegistration } from './registration-cache';

export interface SaveRegistrationVariables {
  visitId: string;
  registration: VisitRegistrationRequest;
}

/** Registers the viewer (or updates their registration); over capacity, they join the waitlist. */
export function saveRegistration({ visitId, registration }: SaveRegistrationVariables): Promise<MyRegistrationDto> {
  return apiRequest<MyRegistrationDto>(`${visitPath(visitId)}/registration`, { method: 'PUT', body: registration });
}

export function useSaveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRegistration,
    onSuccess: (saved, { visitId }) => applyRegistration(queryClient, visitId, saved),
  });
}
