import {
  PARTNERSHIP_STATUSES,
  REGIONS,
  THEMES,
  type PartnershipStatus,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { oneOf } from '../../lib/search-params';
import type { PartnershipListFilter } from './api/partnerships.keys';
import type { SuggestionParams } from './components/match-suggestions';

/** `?status=active` → the list filter (unknown values ignored). */
export function parsePartnershipFilter(params: URLSearchParams): PartnershipListFilter {
  const status = oneOf<PartnershipStatus>(PARTNERSHIP_STATUSES, params.get('status'));
  return status ? { status } : {};
}

/** `?city=…&region=…&theme=…` → the suggestion parameters (unknown values ignored). */
export function parseSuggestionParams(params: URLSearchParams): SuggestionParams {
  const result: SuggestionParams = {};
  const cityId = params.get('city')?.trim();
  const region = oneOf<Region>(REGIONS, params.get('region'));
  const theme = oneOf<Theme>(THEMES, params.get('theme'));
  if (cityId) result.cityId = cityId;
  if (region) result.region = region;
  if (theme) result.theme = theme;
  return result;
}

export function suggestionParamsToSearch(params: SuggestionParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.cityId) search.set('city', params.cityId);
  if (params.region) search.set('region', params.region);
  if (params.theme) search.set('theme', params.theme);
  return search;
}
