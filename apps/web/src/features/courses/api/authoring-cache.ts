import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CourseVersionDto } from '@twinning/contracts';
import { courseAuthoringKeys } from './authoring-keys';

/** A version the API just answered: cached as is; the lists and the course's history refetch. */
export function applyCourseVersion(queryClient: QueryClient, version: CourseVersionDto): void {
  queryClient.setQueryData(courseAuthoringKeys.version(version.id), version);
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.authored() });
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.history(version.courseId) });
  void queryClient.invalidateQueries({ queryKey: courseAuthoringKeys.reviewQueue() });
}

/** A mutation that answers a version, applied to the cache on success. */
export function useCourseVersionMutation<V>(call: (variables: V) => Promise<CourseVersionDto>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (version) => applyCourseVersion(queryClient, version) });
}
