import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JoinRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { joinRequestKeys } from './join-requests.keys';

export function getMyJoinRequests(signal?: AbortSignal): Promise<JoinRequestDto[]> {
  return apiRequest<JoinRequestDto[]>('/api/me/join-requests', { signal });
}

export const myJoinRequestsQueryOptions = () =>
  queryOptions({
    queryKey: joinRequestKeys.mine(),
    queryFn: ({ signal }) => getMyJoinRequests(signal),
  });

export function useMyJoinRequests() {
  return useQuery(myJoinRequestsQueryOptions());
}
