import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MatchQuery, MatchSuggestionsDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { partnershipKeys, type SuggestionFilters } from './partnerships.keys';

export const SUGGESTION_LIMIT = 12;

export function getSuggestions(cityId: string, query: MatchQuery, signal?: AbortSignal): Promise<MatchSuggestionsDto> {
  return apiRequest<MatchSuggestionsDto>(`/api/cities/${encodeURIComponent(cityId)}/suggestions`, {
    signal,
    query: { region: query.region, theme: query.theme, limit: query.limit },
  });
}

/** Ranked partner suggestions for one of the viewer's cities. */
export const suggestionsQueryOptions = (cityId: string, filters: SuggestionFilters) =>
  queryOptions({
    queryKey: partnershipKeys.suggestionsFor(cityId, filters),
    queryFn: ({ signal }) => getSuggestions(cityId, { ...filters, limit: SUGGESTION_LIMIT }, signal),
  });

export function useSuggestions(cityId: string, filters: SuggestionFilters) {
  return useQuery({ ...suggestionsQueryOptions(cityId, filters), placeholderData: keepPreviousData });
}
