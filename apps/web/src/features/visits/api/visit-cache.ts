import type { QueryClient } from '@tanstack/react-query';
import type { VisitDto } from '@twinning/contracts';
import { visitKeys } from './visits.keys';

/**
 * Every write answers with the whole visit: it replaces the cached one, and the lists and month views
 * (which show its status, dates and places) are read again.
 */
export function applyVisit(queryClient: QueryClient, visit: VisitDto): void {
  queryClient.setQueryData(visitKeys.detail(visit.id), visit);
  void queryClient.invalidateQueries({ queryKey: visitKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: visitKeys.months() });
}
