import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseKeys, coursePath } from './course-keys';

export function getCourse(id: string, signal?: AbortSignal): Promise<CourseDto> {
  return apiRequest<CourseDto>(coursePath(id), { signal });
}

/** A published course's page: outline and lessons, never the quizzes' answers (public). */
export const courseQueryOptions = (id: string) =>
  queryOptions({ queryKey: courseKeys.detail(id), queryFn: ({ signal }) => getCourse(id, signal) });

export function useCourse(id: string) {
  return useQuery(courseQueryOptions(id));
}
