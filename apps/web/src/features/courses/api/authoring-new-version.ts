import type { CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';

/** `POST /courses/:id/versions`: a new draft copied from the published version. */
export function startNewVersion(courseId: string): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`/api/courses/${encodeURIComponent(courseId)}/versions`, { method: 'POST' });
}

export function useNewVersion(courseId: string) {
  return useCourseVersionMutation(() => startNewVersion(courseId));
}
