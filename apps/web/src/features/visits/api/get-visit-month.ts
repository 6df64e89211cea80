import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX, type VisitSummaryDto } from '@twinning/contracts';
import { getVisits } from './get-visits';
import { visitKeys } from './visits.keys';

/** Pages read at most: a month with more than 500 visits would not fit a calendar anyway. */
const MAX_PAGES = 5;

/** Every visit overlapping a month (`YYYY-MM`, in the hosts' calendars), whatever its state. */
export async function getVisitMonth(
  month: string,
  partnershipId: string | undefined,
  signal?: AbortSignal,
): Promise<VisitSummaryDto[]> {
  const result: VisitSummaryDto[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await getVisits({ month, partnershipId, cursor, limit: PAGE_SIZE_MAX }, signal);
    result.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return result;
}

export const visitMonthQueryOptions = (month: string, partnershipId: string | undefined) =>
  queryOptions({
    queryKey: visitKeys.month(month, partnershipId),
    queryFn: ({ signal }) => getVisitMonth(month, partnershipId, signal),
  });

export function useVisitMonth(month: string, partnershipId: string | undefined) {
  // The previous month stays on screen while the next one loads, so the grid does not jump.
  return useQuery({ ...visitMonthQueryOptions(month, partnershipId), placeholderData: keepPreviousData });
}
