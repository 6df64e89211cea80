import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CalendarFeedDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { visitKeys } from './visits.keys';

export const CALENDAR_FEED_PATH = '/api/me/calendar-feed';

/** Whether the viewer has a calendar feed; its secret URL is never read back (only POST returns it). */
export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedDto> {
  return apiRequest<CalendarFeedDto>(CALENDAR_FEED_PATH, { signal });
}

export const calendarFeedQueryOptions = () =>
  queryOptions({
    queryKey: visitKeys.calendarFeed(),
    queryFn: ({ signal }) => getCalendarFeed(signal),
  });

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}
