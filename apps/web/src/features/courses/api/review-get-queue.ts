import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseVersionSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** `GET /course-reviews`: versions in review the reviewer did not author. */
export function getReviewQueue(signal?: AbortSignal): Promise<CourseVersionSummaryDto[]> {
  return apiRequest<CourseVersionSummaryDto[]>('/api/course-reviews', { signal });
}

export const reviewQueueQueryOptions = () =>
  queryOptions({ queryKey: courseAuthoringKeys.reviewQueue(), queryFn: ({ signal }) => getReviewQueue(signal) });

export function useReviewQueue() {
  return useQuery(reviewQueueQueryOptions());
}
