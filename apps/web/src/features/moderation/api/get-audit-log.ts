import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntryDto, AuditQuery, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys, type AuditFilters } from './moderation.keys';

export const AUDIT_PAGE_SIZE = 50;

/** What moderators did, newest first (admins). */
export function getAuditLog(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntryDto>> {
  return apiRequest<Page<AuditEntryDto>>('/api/moderation/audit', {
    signal,
    query: { action: query.action, actorId: query.actorId, cursor: query.cursor, limit: query.limit },
  });
}

export const auditLogInfiniteQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: moderationKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => getAuditLog({ ...filters, cursor: pageParam, limit: AUDIT_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogInfiniteQueryOptions(filters));
}
