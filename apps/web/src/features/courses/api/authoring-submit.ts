import type { CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';
import { courseVersionPath } from './authoring-get-version';

/** `POST /course-versions/:id/submit`: draft → in review. */
export function submitForReview(versionId: string): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`${courseVersionPath(versionId)}/submit`, { method: 'POST' });
}

export function useSubmitForReview() {
  return useCourseVersionMutation(submitForReview);
}
