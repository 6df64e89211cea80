import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CourseCommentInput,
  CourseContentRequest,
  CourseRequestChangesRequest,
  CourseVersionDto,
  CreateCourseRequest,
} from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

const enc = encodeURIComponent;

/** A version the API just answered: cached as is; lists and histories refetch. */
function applyVersion(queryClient: QueryClient, version: CourseVersionDto): void {
  queryClient.setQueryData(courseAuthoringKeys.version(version.id), version);
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.authored() });
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.history(version.courseId) });
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.reviewQueue() });
}

function useVersionMutation<V>(call: (variables: V) => Promise<CourseVersionDto>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (version) => applyVersion(queryClient, version) });
}

/** `POST /courses`: a new course with its first draft. */
export function useCreateCourse() {
  return useVersionMutation((body: CreateCourseRequest) =>
    apiRequest<CourseVersionDto>('/api/courses', { method: 'POST', body }),
  );
}

/** `PUT /courses/:id/draft`: replaces the draft's content (starts one from a published version). */
export function useSaveDraft(courseId: string) {
  return useVersionMutation((body: CourseContentRequest) =>
    apiRequest<CourseVersionDto>(`/api/courses/${enc(courseId)}/draft`, { method: 'PUT', body }),
  );
}

/** `POST /courses/:id/versions`: a new draft copied from the published version. */
export function useNewVersion(courseId: string) {
  return useVersionMutation(() =>
    apiRequest<CourseVersionDto>(`/api/courses/${enc(courseId)}/versions`, { method: 'POST' }),
  );
}

/** `POST /course-versions/:id/submit`: draft → in review. */
export function useSubmitForReview() {
  return useVersionMutation((versionId: string) =>
    apiRequest<CourseVersionDto>(`/api/course-versions/${enc(versionId)}/submit`, { method: 'POST' }),
  );
}

/** `POST /course-versions/:id/comments`: a reviewer's comment on one lesson. */
export function useCommentLesson(versionId: string) {
  return useVersionMutation((body: CourseCommentInput) =>
    apiRequest<CourseVersionDto>(`/api/course-versions/${enc(versionId)}/comments`, { method: 'POST', body }),
  );
}

/** `POST /course-versions/:id/approve`: the second distinct approval publishes the version. */
export function useApproveVersion(versionId: string) {
  return useVersionMutation(() =>
    apiRequest<CourseVersionDto>(`/api/course-versions/${enc(versionId)}/approve`, { method: 'POST' }),
  );
}

/** `POST /course-versions/:id/request-changes`: back to draft with the reviewer's comments. */
export function useRequestChanges(versionId: string) {
  return useVersionMutation((body: CourseRequestChangesRequest) =>
    apiRequest<CourseVersionDto>(`/api/course-versions/${enc(versionId)}/request-changes`, {
      method: 'POST',
      body,
    }),
  );
}
