import { THEMES, WORKSHOP_LIST_WHEN, type Theme, type WorkshopListWhen } from '@twinning/contracts';
import { oneOf } from '../../lib/search-params';
import type { WorkshopListFilters } from './api/workshops.keys';

/** The list's filters as the address holds them: `?when=live&theme=health&mine=1`. */
export interface WorkshopListParams {
  when: WorkshopListWhen;
  theme?: Theme;
  mine?: boolean;
}

/** Unknown values are ignored; the list shows upcoming workshops unless told otherwise. */
export function parseWorkshopListParams(params: URLSearchParams): WorkshopListParams {
  const result: WorkshopListParams = { when: oneOf(WORKSHOP_LIST_WHEN, params.get('when')) ?? 'upcoming' };
  const theme = oneOf(THEMES, params.get('theme'));
  if (theme) result.theme = theme;
  if (params.get('mine') === '1') result.mine = true;
  return result;
}

export function workshopListParamsToSearch(params: WorkshopListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.when !== 'upcoming') search.set('when', params.when);
  if (params.theme) search.set('theme', params.theme);
  if (params.mine) search.set('mine', '1');
  return search;
}

/** The API's filters for these parameters. */
export function toWorkshopListFilters(params: WorkshopListParams): WorkshopListFilters {
  const filters: WorkshopListFilters = { when: params.when };
  if (params.theme) filters.theme = params.theme;
  if (params.mine) filters.mine = true;
  return filters;
}
