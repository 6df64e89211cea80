import {
  IMMIGRATION_PROFILES,
  REGIONS,
  THEMES,
  type ImmigrationProfile,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { oneOf } from '../../lib/search-params';
import type { CityFilters } from './api/cities.keys';

/** Reads the directory filters from the URL, ignoring unknown values. */
export function parseCityFilters(params: URLSearchParams): CityFilters {
  const filters: CityFilters = {};
  const region = oneOf<Region>(REGIONS, params.get('region'));
  const profile = oneOf<ImmigrationProfile>(IMMIGRATION_PROFILES, params.get('profile'));
  const theme = oneOf<Theme>(THEMES, params.get('theme'));
  const q = params.get('q')?.trim();
  if (region) filters.region = region;
  if (profile) filters.profile = profile;
  if (theme) filters.theme = theme;
  if (q) filters.q = q;
  return filters;
}

/** The URL form of the filters, in a stable order and without empty values. */
export function cityFiltersToSearchParams(filters: CityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.region) params.set('region', filters.region);
  if (filters.profile) params.set('profile', filters.profile);
  if (filters.theme) params.set('theme', filters.theme);
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  return params;
}

export function hasActiveFilters(filters: CityFilters): boolean {
  return Boolean(filters.region || filters.profile || filters.theme || filters.q);
}
