import type { QueryClient } from '@tanstack/react-query';
import type { MeDto } from '@twinning/contracts';
import { accountKeys } from './account.keys';

/**
 * Records who is signed in. When that changes, every other cached query is reset: what the API answered
 * for the previous visitor (a city's `viewer`, lists of requests) must not be shown to the new one.
 */
export function setSessionUser(queryClient: QueryClient, user: MeDto | null): void {
  const previous = queryClient.getQueryData<MeDto | null>(accountKeys.me());
  queryClient.setQueryData<MeDto | null>(accountKeys.me(), user);
  // `undefined` means the session was still being restored at start-up: calls made meanwhile waited for
  // that renewal (see api-client), so their answers already belong to this user.
  if (previous !== undefined && (previous?.id ?? null) !== (user?.id ?? null)) {
    void queryClient.resetQueries({
      predicate: (query) => query.queryKey[0] !== accountKeys.all[0],
    });
  }
}
