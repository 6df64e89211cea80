import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseEnrolmentDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseKeys, coursePath } from './course-keys';

export function enrolOnCourse(id: string): Promise<CourseEnrolmentDto> {
  return apiRequest<CourseEnrolmentDto>(`${coursePath(id)}/enrolment`, { method: 'POST' });
}

/** Enrols the viewer on the course's published version (enrolling again changes nothing). */
export function useEnrolOnCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enrolOnCourse(id),
    onSuccess: (enrolment) => queryClient.setQueryData(courseKeys.enrolment(id), enrolment),
  });
}
