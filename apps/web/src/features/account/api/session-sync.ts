import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionEvent } from '../../../lib/api-client';
import { setSessionUser } from './session';

/** Keeps the cached user in step with renewals and losses of the session seen by the api-client. */
export function useSessionSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionEvent((event) => {
        setSessionUser(queryClient, event.type === 'refreshed' ? event.auth.user : null);
      }),
    [queryClient],
  );
}
