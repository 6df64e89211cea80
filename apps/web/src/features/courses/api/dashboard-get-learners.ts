import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseLearnerDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** `GET /courses/:id/learners`: each learner's progress on their version (authors and admins). */
export function getCourseLearners(courseId: string, signal?: AbortSignal): Promise<CourseLearnerDto[]> {
  return apiRequest<CourseLearnerDto[]>(`/api/courses/${encodeURIComponent(courseId)}/learners`, { signal });
}

export const courseLearnersQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.learners(courseId),
    queryFn: ({ signal }) => getCourseLearners(courseId, signal),
  });

export function useCourseLearners(courseId: string) {
  return useQuery(courseLearnersQueryOptions(courseId));
}
