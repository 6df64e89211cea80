import type { CourseRequestChangesRequest, CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';
import { courseVersionPath } from './authoring-get-version';

/** `POST /course-versions/:id/request-changes`: back to draft with the reviewer's comments (at least one). */
export function requestChanges(versionId: string, body: CourseRequestChangesRequest): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`${courseVersionPath(versionId)}/request-changes`, { method: 'POST', body });
}

export function useRequestChanges(versionId: string) {
  return useCourseVersionMutation((body: CourseRequestChangesRequest) => requestChanges(versionId, body));
}
