import type { AuditAction, FlagStatus } from '@twinning/contracts';

export interface AuditFilters {
  action?: AuditAction;
  actorId?: string;
}

export const moderationKeys = {
  all: ['moderation'] as const,
  flagLists: () => [...moderationKeys.all, 'flags'] as const,
  flags: (status: FlagStatus) => [...moderationKeys.flagLists(), status] as const,
  auditLists: () => [...moderationKeys.all, 'audit'] as const,
  audit: (filters: AuditFilters) => [...moderationKeys.auditLists(), filters] as const,
};
