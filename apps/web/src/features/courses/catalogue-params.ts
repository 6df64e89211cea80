import { POST_LANGUAGES, THEMES } from '@twinning/contracts';
import { oneOf } from '../../lib/search-params';
import type { CourseCatalogueFilter } from './api/course-keys';

/** The catalogue's filter, kept in its address: `/courses?language=fr&theme=integration`. */
export type CatalogueParams = CourseCatalogueFilter;

export function parseCatalogueParams(search: URLSearchParams): CatalogueParams {
  const language = oneOf(POST_LANGUAGES, search.get('language'));
  const theme = oneOf(THEMES, search.get('theme'));
  return { ...(language ? { language } : {}), ...(theme ? { theme } : {}) };
}

export function catalogueParamsToSearch(params: CatalogueParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.language) search.set('language', params.language);
  if (params.theme) search.set('theme', params.theme);
  return search;
}
