import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseEnrolmentDto } from '@twinning/contracts';
import { apiRequest, isApiRequestError } from '../../../lib/api-client';
import { courseKeys, coursePath } from './course-keys';

/** The viewer's enrolment, or null when they are not enrolled (the API answers 404). */
export async function getCourseEnrolment(id: string, signal?: AbortSignal): Promise<CourseEnrolmentDto | null> {
  try {
    return await apiRequest<CourseEnrolmentDto>(`${coursePath(id)}/enrolment`, { signal });
  } catch (error) {
    if (isApiRequestError(error) && error.status === 404) return null;
    throw error;
  }
}

export const courseEnrolmentQueryOptions = (id: string) =>
  queryOptions({ queryKey: courseKeys.enrolment(id), queryFn: ({ signal }) => getCourseEnrolment(id, signal) });

/** Only asked when someone is signed in (`enabled`). */
export function useCourseEnrolment(id: string, enabled = true) {
  return useQuery({ ...courseEnrolmentQueryOptions(id), enabled });
}
