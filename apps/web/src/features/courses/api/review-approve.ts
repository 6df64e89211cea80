import type { CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';
import { courseVersionPath } from './authoring-get-version';

/** `POST /course-versions/:id/approve`: the second distinct approval publishes the version. */
export function approveVersion(versionId: string): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(`${courseVersionPath(versionId)}/approve`, { method: 'POST' });
}

export function useApproveVersion(versionId: string) {
  return useCourseVersionMutation(() => approveVersion(versionId));
}
