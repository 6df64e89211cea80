import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateVisitRequest, VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface UpdateVisitVariables {
  visitId: string;
  changes: UpdateVisitRequest;
}

export function updateVisit({ visitId, changes }: UpdateVisitVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(visitPath(visitId), { method: 'PATCH', body: changes });
}

export function useUpdateVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateVisit,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
