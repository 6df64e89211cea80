import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVisitRequest, VisitDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { applyVisit } from './visit-cache';

export function createVisit(request: CreateVisitRequest): Promise<VisitDto> {
  return apiRequest<VisitDto>('/api/visits', { method: 'POST', body: request });
}

export function useCreateVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createVisit,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
