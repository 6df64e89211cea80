import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { CourseCatalogueQuery, CourseSummaryDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseKeys, type CourseCatalogueFilter } from './course-keys';

export const COURSE_CATALOGUE_PAGE_SIZE = 20;

export function getCourseCatalogue(query: CourseCatalogueQuery, signal?: AbortSignal): Promise<Page<CourseSummaryDto>> {
  return apiRequest<Page<CourseSummaryDto>>('/api/courses', {
    signal,
    query: { language: query.language, theme: query.theme, cursor: query.cursor, limit: query.limit },
  });
}

/** Published courses, newest first, a page at a time (public: works signed out). */
export const courseCatalogueInfiniteQueryOptions = (filter: CourseCatalogueFilter) =>
  infiniteQueryOptions({
    queryKey: courseKeys.catalogue(filter),
    queryFn: ({ pageParam, signal }) =>
      getCourseCatalogue({ ...filter, cursor: pageParam, limit: COURSE_CATALOGUE_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useCourseCatalogue(filter: CourseCatalogueFilter) {
  return useInfiniteQuery(courseCatalogueInfiniteQueryOptions(filter));
}
