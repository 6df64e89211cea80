import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VisitDto, VisitReportRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { applyVisit } from './visit-cache';

export interface SaveReportVariables {
  visitId: string;
  report: VisitReportRequest;
}

/** Writes the visit report (coordinators): what was seen, practices worth transferring, follow-up actions. */
export function saveReport({ visitId, report }: SaveReportVariables): Promise<VisitDto> {
  return apiRequest<VisitDto>(`${visitPath(visitId)}/report`, { method: 'PUT', body: report });
}

export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReport,
    onSuccess: (visit) => applyVisit(queryClient, visit),
  });
}
