import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseEnrolmentDto, CourseProgressRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { certificateQueryRoots, courseKeys, coursePath } from './course-keys';

export function recordCourseProgress(id: string, body: CourseProgressRequest): Promise<CourseEnrolmentDto> {
  return apiRequest<CourseEnrolmentDto>(`${coursePath(id)}/progress`, { method: 'PUT', body });
}

/**
 * Remembers the lesson opened (to resume on any device) and, with `completed`, marks it done. The answer
 * is the whole enrolment: it replaces the cached one (a completing write also brings the certificate).
 */
export function useRecordCourseProgress(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseProgressRequest) => recordCourseProgress(id, body),
    onSuccess: (enrolment) => {
      const before = queryClient.getQueryData<CourseEnrolmentDto | null>(courseKeys.enrolment(id));
      queryClient.setQueryData(courseKeys.enrolment(id), enrolment);
      if (enrolment.certificate && !before?.certificate) {
        for (const key of certificateQueryRoots) void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}
