import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { JoinRequestDto, JoinRequestStatus, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { joinRequestKeys } from './join-requests.keys';

export function getReviewableJoinRequests(
  query: { status: JoinRequestStatus; cursor?: string },
  signal?: AbortSignal,
): Promise<Page<JoinRequestDto>> {
  return apiRequest<Page<JoinRequestDto>>('/api/join-requests', {
    signal,
    query: { status: query.status, cursor: query.cursor },
  });
}

export const reviewableJoinRequestsQueryOptions = (status: JoinRequestStatus = 'pending') =>
  infiniteQueryOptions({
    queryKey: joinRequestKeys.reviewable(status),
    queryFn: ({ pageParam, signal }) => getReviewableJoinRequests({ status, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useReviewableJoinRequests(status: JoinRequestStatus = 'pending') {
  return useInfiniteQuery(reviewableJoinRequestsQueryOptions(status));
}
