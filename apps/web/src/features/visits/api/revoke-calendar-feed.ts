import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { CALENDAR_FEED_PATH } from './get-calendar-feed';
import { visitKeys } from './visits.keys';

const NO_FEED: CalendarFeedDto = { active: false, url: null, createdAt: null };

/** Revokes the feed: its URL stops working, and there is none until the viewer creates a new one. */
export async function revokeCalendarFeed(): Promise<CalendarFeedDto> {
  const answer = await apiRequest<CalendarFeedDto | undefined>(CALENDAR_FEED_PATH, { method: 'DELETE' });
  return answer ?? NO_FEED;
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(visitKeys.calendarFeed(), feed),
  });
}
