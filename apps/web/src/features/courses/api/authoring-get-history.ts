import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseVersionSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** `GET /courses/:id/versions`: every version of a course, newest first (authors, reviewers, admins). */
export function getCourseHistory(courseId: string, signal?: AbortSignal): Promise<CourseVersionSummaryDto[]> {
  return apiRequest<CourseVersionSummaryDto[]>(`/api/courses/${encodeURIComponent(courseId)}/versions`, { signal });
}

export const courseHistoryQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.history(courseId),
    queryFn: ({ signal }) => getCourseHistory(courseId, signal),
  });

export function useCourseHistory(courseId: string) {
  return useQuery({ ...courseHistoryQueryOptions(courseId), enabled: !!courseId });
}
