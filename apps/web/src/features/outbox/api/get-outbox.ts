import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { OutboxMailDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { outboxKeys } from './outbox.keys';

export function getOutbox(query: { to?: string; cursor?: string }, signal?: AbortSignal): Promise<Page<OutboxMailDto>> {
  return apiRequest<Page<OutboxMailDto>>('/api/dev/outbox', {
    signal,
    query: { to: query.to, cursor: query.cursor },
    retryOnUnauthorized: false,
  });
}

export const outboxInfiniteQueryOptions = (to: string) =>
  infiniteQueryOptions({
    queryKey: outboxKeys.list(to),
    queryFn: ({ pageParam, signal }) => getOutbox({ to: to || undefined, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // new mail arrives while the page is open (someone just registered): look again now and then
    refetchInterval: 5_000,
    staleTime: 0,
  });

export function useOutbox(to: string) {
  return useInfiniteQuery(outboxInfiniteQueryOptions(to));
}
