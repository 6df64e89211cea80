import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseSummaryDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingKeys } from './training.keys';

/** Published courses a self-paced offer can name (the catalogue's first page, newest first). */
export function getPublishedCourses(signal?: AbortSignal): Promise<Page<CourseSummaryDto>> {
  return apiRequest<Page<CourseSummaryDto>>('/api/courses?limit=100', { signal });
}

export function usePublishedCourses(enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: trainingKeys.publishedCourses(),
      queryFn: ({ signal }) => getPublishedCourses(signal),
    }),
    enabled,
  });
}
