export interface VisitListFilter {
  when: 'upcoming' | 'past';
  partnershipId?: string;
}

export const visitKeys = {
  all: ['visits'] as const,
  lists: () => [...visitKeys.all, 'list'] as const,
  list: (filter: VisitListFilter) => [...visitKeys.lists(), filter] as const,
  months: () => [...visitKeys.all, 'month'] as const,
  month: (month: string, partnershipId: string | undefined) =>
    [...visitKeys.months(), month, partnershipId ?? ''] as const,
  details: () => [...visitKeys.all, 'detail'] as const,
  detail: (id: string) => [...visitKeys.details(), id] as const,
  /** Under the visit, so that refreshing a visit refreshes the viewer's registration and the roster. */
  registration: (id: string) => [...visitKeys.detail(id), 'registration'] as const,
  roster: (id: string) => [...visitKeys.detail(id), 'roster'] as const,
  /** Active partnerships the viewer belongs to, with their member cities. */
  myPartnerships: () => [...visitKeys.all, 'my-partnerships'] as const,
  partnershipMembers: (partnershipId: string) => [...visitKeys.all, 'partnership-members', partnershipId] as const,
  calendarFeed: () => [...visitKeys.all, 'calendar-feed'] as const,
};
