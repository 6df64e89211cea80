import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickDateRequest, VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface PickDateVariables extends PickDateRequest {
  visitId: string;
}

/** Closes the date poll on one option, which becomes the visit's dates (coordinators). */
export function pickDate({ visitId, optionId }: PickDateVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(`${visitPath(visitId)}/pick`, { method: 'POST', body: { optionId } });
}

export function usePickDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pickDate,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
