import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaItemRequest, AgendaWriteResponse } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface UpdateAgendaItemVariables {
  visitId: string;
  itemId: string;
  item: Partial<AgendaItemRequest>;
}

export function updateAgendaItem({ visitId, itemId, item }: UpdateAgendaItemVariables): Promise<AgendaWriteResponse> {
  return apiRequest<AgendaWriteResponse>(`${visitPath(visitId)}/agenda/${encodeURIComponent(itemId)}`, {
    method: 'PATCH',
    body: item,
  });
}

export function useUpdateAgendaItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgendaItem,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
