import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { CALENDAR_FEED_PATH } from './get-calendar-feed';
import { visitKeys } from './visits.keys';

/** Creates the feed, or gives it a new secret: the previous URL stops working. */
export function regenerateCalendarFeed(): Promise<CalendarFeedDto> {
  return apiRequest<CalendarFeedDto>(CALENDAR_FEED_PATH, { method: 'POST' });
}

export function useRegenerateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(visitKeys.calendarFeed(), feed),
  });
}
