import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { outboxKeys } from './outbox.keys';

/** The server says whether it offers the development Outbox (`/api/health`), whatever the web build. */
export function getOutboxAvailability(signal?: AbortSignal): Promise<boolean> {
  return apiRequest<HealthDto>('/api/health', { signal, retryOnUnauthorized: false }).then(
    (health) => health.devOutbox === true,
  );
}

export const outboxAvailabilityQueryOptions = () =>
  queryOptions({
    queryKey: outboxKeys.availability(),
    queryFn: ({ signal }) => getOutboxAvailability(signal),
    staleTime: Infinity,
    retry: false,
  });

export function useOutboxAvailable(): boolean {
  return useQuery(outboxAvailabilityQueryOptions()).data === true;
}
