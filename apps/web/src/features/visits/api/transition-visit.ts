import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TransitionVisitRequest, VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface TransitionVisitVariables extends TransitionVisitRequest {
  visitId: string;
}

/** Moves a visit along its lifecycle (coordinators); the API refuses an illegal move with INVALID_STATE. */
export function transitionVisit({ visitId, ...request }: TransitionVisitVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(`${visitPath(visitId)}/transition`, { method: 'POST', body: request });
}

export function useTransitionVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionVisit,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
