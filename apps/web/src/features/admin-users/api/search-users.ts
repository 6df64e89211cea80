import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AdminUserDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { adminUserKeys } from './admin-users.keys';

export function searchUsers(query: { q?: string; cursor?: string }, signal?: AbortSignal): Promise<Page<AdminUserDto>> {
  return apiRequest<Page<AdminUserDto>>('/api/admin/users', {
    signal,
    query: { q: query.q, cursor: query.cursor },
  });
}

export const usersInfiniteQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: adminUserKeys.list(q),
    queryFn: ({ pageParam, signal }) => searchUsers({ q, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useUsers(q: string) {
  return useInfiniteQuery(usersInfiniteQueryOptions(q));
}
