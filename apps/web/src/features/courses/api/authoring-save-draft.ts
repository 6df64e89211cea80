import type { CourseContentRequest, CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';

/** `PUT /courses/:id/draft`: replaces the draft's content (starts one from a published version). */
export function saveDraft(courseId: string, body: CourseContentRequest): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`/api/courses/${encodeURIComponent(courseId)}/draft`, { method: 'PUT', body });
}

export function useSaveDraft(courseId: string) {
  return useCourseVersionMutation((body: CourseContentRequest) => saveDraft(courseId, body));
}
