import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseVersionSummaryDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** `GET /courses/authored`: the caller's courses, each with its newest version. */
export function getAuthoredCourses(signal?: AbortSignal): Promise<CourseVersionSummaryDto[]> {
  return apiRequest<CourseVersionSummaryDto[]>('/api/courses/authored', { signal });
}

export const authoredCoursesQueryOptions = () =>
  queryOptions({ queryKey: courseAuthoringKeys.authored(), queryFn: ({ signal }) => getAuthoredCourses(signal) });

export function useAuthoredCourses() {
  return useQuery(authoredCoursesQueryOptions());
}
