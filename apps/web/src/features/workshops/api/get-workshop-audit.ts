import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, PageQuery, WorkshopAuditEntryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

export const WORKSHOP_AUDIT_PAGE_SIZE = 50;

/** What the facilitators did in a workshop, newest first (facilitators only). */
export function getWorkshopAudit(
  workshopId: string,
  query: PageQuery,
  signal?: AbortSignal,
): Promise<Page<WorkshopAuditEntryDto>> {
  return apiRequest<Page<WorkshopAuditEntryDto>>(`/api/workshops/${encodeURIComponent(workshopId)}/audit`, {
    signal,
    query: { cursor: query.cursor, limit: query.limit },
  });
}

export const workshopAuditInfiniteQueryOptions = (workshopId: string) =>
  infiniteQueryOptions({
    queryKey: workshopKeys.audit(workshopId),
    queryFn: ({ pageParam, signal }) =>
      getWorkshopAudit(workshopId, { cursor: pageParam, limit: WORKSHOP_AUDIT_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useWorkshopAudit(workshopId: string, enabled = true) {
  return useInfiniteQuery({ ...workshopAuditInfiniteQueryOptions(workshopId), enabled });
}
