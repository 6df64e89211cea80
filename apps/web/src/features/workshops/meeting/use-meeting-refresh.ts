import { useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { useEffect, useState } from 'react';
import { workshopKeys } from '../api/workshops.keys';
import { meetingRefreshDelay } from './meeting-state';

/**
 * Fetches the workshop again when its meeting link should appear or go (meetingRefreshDelay), so
 * "Join the call" shows at the 15-minute mark without a reload. The server decides again on every
 * fetch: the client only asks at the right moment, it never unlocks the link itself. `joined`: the
 * viewer's socket is in the live room (which registers them).
 */
export function useMeetingRefresh(workshop: WorkshopDto, joined = false): void {
  const queryClient = useQueryClient();
  const [tick, setTick] = useState(0);
  const delay = meetingRefreshDelay(workshop, Date.now());
  // Entering a live room registers the participant: ask for the link once they are in.
  const askAfterJoin = joined && workshop.meeting !== null && workshop.meeting.url === null;
  useEffect(() => {
    if (askAfterJoin) void queryClient.invalidateQueries({ queryKey: workshopKeys.detail(workshop.id) });
  }, [askAfterJoin, queryClient, workshop.id]);
  useEffect(() => {
    if (delay === null) return undefined;
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: workshopKeys.detail(workshop.id) });
      setTick((n) => n + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [delay, queryClient, workshop.id, tick]);
}
