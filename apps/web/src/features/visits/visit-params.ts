import { parseMonth } from './visit-time';

export type VisitView = 'list' | 'month';

/** The list page's state, kept in its address: `/visits?view=month&month=2026-10&partnershipId=…`. */
export interface VisitListParams {
  view: VisitView;
  when: 'upcoming' | 'past';
  partnershipId?: string;
  /** The month shown by the calendar view; the current one when absent. */
  month?: string;
}

export function parseVisitListParams(search: URLSearchParams): VisitListParams {
  const params: VisitListParams = {
    view: search.get('view') === 'month' ? 'month' : 'list',
    when: search.get('when') === 'past' ? 'past' : 'upcoming',
  };
  const partnershipId = search.get('partnershipId')?.trim();
  if (partnershipId) params.partnershipId = partnershipId;
  const month = parseMonth(search.get('month'));
  if (month) params.month = month;
  return params;
}

export function visitListParamsToSearch(params: VisitListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.view === 'month') {
    search.set('view', 'month');
    if (params.month) search.set('month', params.month);
  } else if (params.when === 'past') {
    search.set('when', 'past');
  }
  if (params.partnershipId) search.set('partnershipId', params.partnershipId);
  return search;
}

export function visitListHref(params: VisitListParams): string {
  const search = visitListParamsToSearch(params).toString();
  return search ? `/visits?${search}` : '/visits';
}
