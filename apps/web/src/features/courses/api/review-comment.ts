import type { CourseCommentInput, CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';
import { courseVersionPath } from './authoring-get-version';

/** `POST /course-versions/:id/comments`: a reviewer's comment on one lesson. */
export function commentLesson(versionId: string, body: CourseCommentInput): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`${courseVersionPath(versionId)}/comments`, { method: 'POST', body });
}

export function useCommentLesson(versionId: string) {
  return useCourseVersionMutation((body: CourseCommentInput) => commentLesson(versionId, body));
}
