import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionToMilestoneRequest, VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface MakeMilestoneVariables extends ActionToMilestoneRequest {
  visitId: string;
  actionId: string;
}

/** Turns a follow-up action of the report into a milestone of the partnership's action plan. */
export function makeMilestone({ visitId, actionId, ...request }: MakeMilestoneVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(`${visitPath(visitId)}/report/actions/${encodeURIComponent(actionId)}/milestone`, {
    method: 'POST',
    body: request,
  });
}

export function useMakeMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeMilestone,
    onSuccess: (visit) => {
      applyVisit(queryClient, visit);
      // The partnership's action plan gained a milestone.
      void queryClient.invalidateQueries({ queryKey: ['partnerships', 'detail', visit.partnership.id] });
    },
  });
}
