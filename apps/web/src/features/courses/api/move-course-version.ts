import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseEnrolmentDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseKeys, coursePath } from './course-keys';

export function moveToPublishedVersion(id: string): Promise<CourseEnrolmentDto> {
  return apiRequest<CourseEnrolmentDto>(`${coursePath(id)}/enrolment/move`, { method: 'POST' });
}

/** Moves the learner to the course's newer published version (progress there starts afresh). */
export function useMoveToPublishedVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => moveToPublishedVersion(id),
    onSuccess: (enrolment) => queryClient.setQueryData(courseKeys.enrolment(id), enrolment),
  });
}
