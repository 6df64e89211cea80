import type { WorkshopListQuery } from '@twinning/contracts';

/** Filters of a workshop list (everything but the paging). */
export type WorkshopListFilters = Omit<WorkshopListQuery, 'cursor' | 'limit'>;

export const workshopKeys = {
  all: ['workshops'] as const,
  lists: () => [...workshopKeys.all, 'list'] as const,
  list: (filters: WorkshopListFilters) => [...workshopKeys.lists(), filters] as const,
  details: () => [...workshopKeys.all, 'detail'] as const,
  detail: (workshopId: string) => [...workshopKeys.details(), workshopId] as const,
  audit: (workshopId: string) => [...workshopKeys.all, 'audit', workshopId] as const,
  /** Attendance of the live time and attendance certificates (facilitators). */
  attendance: (workshopId: string) => [...workshopKeys.all, 'attendance', workshopId] as const,
  facilitators: (q: string) => [...workshopKeys.all, 'facilitators', q] as const,
  /** The partnerships a new workshop may be reserved to (the viewer's active ones). */
  scopePartnerships: () => [...workshopKeys.all, 'scope-partnerships'] as const,
};
