import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaItemRequest, AgendaWriteResponse } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface AddAgendaItemVariables {
  visitId: string;
  item: AgendaItemRequest;
}

/** Adds an agenda item, its times in the host's wall time; answers with the visit and its warnings. */
export function addAgendaItem({ visitId, item }: AddAgendaItemVariables): Promise<AgendaWriteResponse> {
  return apiRequest<AgendaWriteResponse>(`${visitPath(visitId)}/agenda`, { method: 'POST', body: item });
}

export function useAddAgendaItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAgendaItem,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
