import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, TrainingRequestListQuery, TrainingRequestSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingKeys, type TrainingListFilter } from './training.keys';

export const TRAINING_PAGE_SIZE = 20;

export function getTrainingRequests(
  query: TrainingRequestListQuery,
  signal?: AbortSignal,
): Promise<Page<TrainingRequestSummaryDto>> {
  return apiRequest<Page<TrainingRequestSummaryDto>>('/api/training/requests', {
    signal,
    query: { status: query.status, cursor: query.cursor, limit: query.limit },
  });
}

/** The training requests the viewer may see, newest first, a page at a time. */
export const trainingRequestsInfiniteQueryOptions = (filter: TrainingListFilter) =>
  infiniteQueryOptions({
    queryKey: trainingKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      getTrainingRequests({ ...filter, cursor: pageParam, limit: TRAINING_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useTrainingRequests(filter: TrainingListFilter) {
  return useInfiniteQuery(trainingRequestsInfiniteQueryOptions(filter));
}
