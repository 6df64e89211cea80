import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseQuestionStatsDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';
import { courseVersionPath } from './authoring-get-version';

/** `GET /course-versions/:id/quiz-stats`: attempts and misses per question, most missed first. */
export function getQuizStats(versionId: string, signal?: AbortSignal): Promise<CourseQuestionStatsDto[]> {
  return apiRequest<CourseQuestionStatsDto[]>(`${courseVersionPath(versionId)}/quiz-stats`, { signal });
}

export const quizStatsQueryOptions = (versionId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.quizStats(versionId),
    queryFn: ({ signal }) => getQuizStats(versionId, signal),
  });

export function useQuizStats(versionId: string | undefined) {
  return useQuery({ ...quizStatsQueryOptions(versionId ?? ''), enabled: !!versionId });
}
