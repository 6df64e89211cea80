import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onRealtimeReconnect, useRealtimeEvent } from '../../../lib/realtime';
import { partnershipKeys } from '../api/partnerships.keys';

/**
 * Refreshes partnerships when the server tells the viewer one changed (invited, accepted, declined,
 * withdrawn, concluded), and after a reconnect, in case something changed meanwhile.
 */
export function usePartnershipsLive(): void {
  const queryClient = useQueryClient();

  useRealtimeEvent('notification.created', ({ notification }) => {
    if (!notification.kind.startsWith('partnership.')) return;
    if ('partnership' in notification.payload) {
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(notification.payload.partnership.id) });
    }
    void queryClient.invalidateQueries({ queryKey: partnershipKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: partnershipKeys.suggestions() });
  });

  useEffect(
    () => onRealtimeReconnect(() => void queryClient.invalidateQueries({ queryKey: partnershipKeys.all })),
    [queryClient],
  );
}
