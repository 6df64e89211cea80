import type { CourseVersionDto, CreateCourseRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useCourseVersionMutation } from './authoring-cache';

/** `POST /courses`: a new course with its first draft (facilitators; co-authors only here). */
export function createCourse(body: CreateCourseRequest): Promise<CourseVersionDto> {
  return apiRequest<CourseVersionDto>('/api/courses', { method: 'POST', body });
}

export function useCreateCourse() {
  return useCourseVersionMutation(createCourse);
}
