import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onRealtimeReconnect, useRealtimeEvent, useVisitSubscription } from '../../../lib/realtime';
import { visitKeys } from '../api/visits.keys';

/**
 * Keeps an open visit page current: follows the visit and, when someone else votes, picks the
 * dates, moves it, edits the agenda or registers, refetches the visit (with the viewer's
 * registration and the roster under it), as after every reconnect, when changes may have been missed.
 */
export function useVisitLiveUpdates(visitId: string): void {
  const queryClient = useQueryClient();
  useVisitSubscription(visitId);

  useRealtimeEvent('visit.changed', (payload) => {
    if (payload.visitId === visitId) void queryClient.invalidateQueries({ queryKey: visitKeys.detail(visitId) });
  });

  useEffect(
    () => onRealtimeReconnect(() => void queryClient.invalidateQueries({ queryKey: visitKeys.detail(visitId) })),
    [queryClient, visitId],
  );
}
