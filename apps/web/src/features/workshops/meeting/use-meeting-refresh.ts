import { useQueryClient } from '@tanstack/react-query';
import type { WorkshopDto, WorkshopStatus } from '@twinning/contracts';
import { useEffect, useState } from 'react';
import { workshopKeys } from '../api/workshops.keys';
import { meetingRefreshDelay } from './meeting-state';

/**
 * Fetches the workshop again when its meeting link should appear or go (meetingRefreshDelay), so
 * "Join the call" shows at the 15-minute mark without a reload. The server decides again on every
 * fetch: the client only asks at the right moment, it never unlocks the link itself. `joined`: the
 * viewer's socket is in the live room (which registers them); `roomStatus`: the status the room's
 * socket reports, newer than the fetched workshop's. Returns the time of the last check.
 */
export function useMeetingRefresh(workshop: WorkshopDto, joined = false, roomStatus?: WorkshopStatus): number {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  const { id, meeting } = workshop;

  // Entering a live room registers the participant: ask for the link once they are in.
  const askAfterJoin = joined && meeting !== null && meeting.url === null;
  useEffect(() => {
    if (askAfterJoin) void queryClient.invalidateQueries({ queryKey: workshopKeys.detail(id) });
  }, [askAfterJoin, queryClient, id]);

  // The room heard the workshop open or end: the window may have changed, ask the server.
  const statusChanged = meeting !== null && roomStatus !== undefined && roomStatus !== workshop.status;
  useEffect(() => {
    if (statusChanged) void queryClient.invalidateQueries({ queryKey: workshopKeys.detail(id) });
  }, [statusChanged, roomStatus, queryClient, id]);

  // The query keeps the same object while the server's answer is unchanged, so this runs again
  // only when the answer changes, or after each check.
  useEffect(() => {
    const delay = meetingRefreshDelay(workshop, Date.now());
    if (delay === null) return undefined;
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: workshopKeys.detail(workshop.id) });
      setNow(Date.now());
    }, delay);
    return () => clearTimeout(timer);
  }, [queryClient, workshop, now]);
  return now;
}
