import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account.keys';

/**
 * Whether this server captures mail for the development Outbox (`/dev/outbox`) instead of sending it:
 * the Outbox's API answers only then. Any failure means "no Outbox", and the screens say "check your mail".
 */
export async function hasDevOutbox(signal?: AbortSignal): Promise<boolean> {
  try {
    await apiRequest<unknown>('/api/dev/outbox?limit=1', { signal, retryOnUnauthorized: false });
    return true;
  } catch {
    return false;
  }
}

export const devOutboxQueryOptions = () =>
  queryOptions({
    queryKey: [...accountKeys.all, 'dev-outbox'] as const,
    queryFn: ({ signal }) => hasDevOutbox(signal),
    staleTime: Infinity,
    retry: false,
  });

export function useHasDevOutbox() {
  return useQuery(devOutboxQueryOptions()).data === true;
}
