import type { MatchQuery, PartnershipStatus } from '@twinning/contracts';

export interface PartnershipListFilter {
  status?: PartnershipStatus;
}

/** Suggestion filters (everything in a match query but the size). */
export type SuggestionFilters = Omit<MatchQuery, 'limit'>;

export const partnershipKeys = {
  all: ['partnerships'] as const,
  lists: () => [...partnershipKeys.all, 'list'] as const,
  list: (filter: PartnershipListFilter) => [...partnershipKeys.lists(), filter] as const,
  details: () => [...partnershipKeys.all, 'detail'] as const,
  detail: (id: string) => [...partnershipKeys.details(), id] as const,
  /** Under the detail key, so that refreshing a partnership refreshes its feed. */
  activity: (id: string) => [...partnershipKeys.detail(id), 'activity'] as const,
  suggestions: () => [...partnershipKeys.all, 'suggestions'] as const,
  suggestionsFor: (cityId: string, filters: SuggestionFilters) =>
    [...partnershipKeys.suggestions(), cityId, filters] as const,
  /** The public city directory, searched to choose a city to invite. */
  citySearch: (q: string) => [...partnershipKeys.all, 'city-search', q] as const,
  city: (id: string) => [...partnershipKeys.all, 'city', id] as const,
};
