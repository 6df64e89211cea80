import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OutboxMailDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { outboxKeys } from './outbox.keys';

export function getOutboxMail(id: string, signal?: AbortSignal): Promise<OutboxMailDetailDto> {
  return apiRequest<OutboxMailDetailDto>(`/api/dev/outbox/${encodeURIComponent(id)}`, {
    signal,
    retryOnUnauthorized: false,
  });
}

export const outboxMailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: outboxKeys.mail(id),
    queryFn: ({ signal }) => getOutboxMail(id, signal),
  });

export function useOutboxMail(id: string) {
  return useQuery(outboxMailQueryOptions(id));
}
