import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseVersionDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

export const courseVersionPath = (versionId: string) => `/api/course-versions/${encodeURIComponent(versionId)}`;

/** `GET /course-versions/:id`: one version in full (answers, approvals, review comments). */
export function getCourseVersion(versionId: string, signal?: AbortSignal): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>(courseVersionPath(versionId), { signal });
}

export const courseVersionQueryOptions = (versionId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.version(versionId),
    queryFn: ({ signal }) => getCourseVersion(versionId, signal),
  });

export function useCourseVersion(versionId: string | undefined) {
  return useQuery({ ...courseVersionQueryOptions(versionId ?? ''), enabled: !!versionId });
}
