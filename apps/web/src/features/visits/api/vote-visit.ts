import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VisitDto, VisitVoteRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface VoteVisitVariables extends VisitVoteRequest {
  visitId: string;
}

/** The viewer's answers to the date poll (yes / if need be / no per option). */
export function voteVisit({ visitId, answers }: VoteVisitVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(`${visitPath(visitId)}/votes`, { method: 'PUT', body: { answers } });
}

export function useVoteVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voteVisit,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
