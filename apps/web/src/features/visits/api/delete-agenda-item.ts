import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaWriteResponse } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface DeleteAgendaItemVariables {
  visitId: string;
  itemId: string;
}

export function deleteAgendaItem({ visitId, itemId }: DeleteAgendaItemVariables): Promise<AgendaWriteResponse> {
  return apiRequest<AgendaWriteResponse>(`${visitPath(visitId)}/agenda/${encodeURIComponent(itemId)}`, {
    method: 'DELETE',
  });
}

export function useDeleteAgendaItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAgendaItem,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
