import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  CourseLearnerDto,
  CourseQuestionStatsDto,
  CourseVersionDto,
  CourseVersionSummaryDto,
  MyTrainingOfferDto,
  Page,
  PreviewDto,
  PreviewRequest,
  UserSummary,
} from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

const enc = encodeURIComponent;

/** `GET /courses/authored`: the caller's courses, each with its newest version. */
export const authoredCoursesQueryOptions = () =>
  queryOptions({
    queryKey: courseAuthoringKeys.authored(),
    queryFn: ({ signal }) => apiRequest<CourseVersionSummaryDto[]>('/api/courses/authored', { signal }),
  });

export function useAuthoredCourses(enabled = true) {
  return useQuery({ ...authoredCoursesQueryOptions(), enabled });
}

/** `GET /courses/:id/versions`: every version of a course, newest first. */
export const courseHistoryQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.history(courseId),
    queryFn: ({ signal }) =>
      apiRequest<CourseVersionSummaryDto[]>(`/api/courses/${enc(courseId)}/versions`, { signal }),
  });

export function useCourseHistory(courseId: string, enabled = true) {
  return useQuery({ ...courseHistoryQueryOptions(courseId), enabled: enabled && !!courseId });
}

/** `GET /course-versions/:id`: one version in full (answers, approvals, review comments). */
export const courseVersionQueryOptions = (versionId: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.version(versionId),
    queryFn: ({ signal }) => apiRequest<CourseVersionDto>(`/api/course-versions/${enc(versionId)}`, { signal }),
  });

export function useCourseVersion(versionId: string | undefined) {
  return useQuery({ ...courseVersionQueryOptions(versionId ?? ''), enabled: !!versionId });
}

/** `GET /course-reviews`: versions in review the reviewer did not author. */
export const reviewQueueQueryOptions = () =>
  queryOptions({
    queryKey: courseAuthoringKeys.reviewQueue(),
    queryFn: ({ signal }) => apiRequest<CourseVersionSummaryDto[]>('/api/course-reviews', { signal }),
  });

export function useReviewQueue() {
  return useQuery(reviewQueueQueryOptions());
}

/** `GET /courses/:id/learners`: each learner's progress (authors and admins). */
export function useCourseLearners(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: courseAuthoringKeys.learners(courseId),
    queryFn: ({ signal }) => apiRequest<CourseLearnerDto[]>(`/api/courses/${enc(courseId)}/learners`, { signal }),
    enabled,
  });
}

/** `GET /course-versions/:id/quiz-stats`: attempts and misses per question, most missed first. */
export function useQuizStats(versionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: courseAuthoringKeys.quizStats(versionId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<CourseQuestionStatsDto[]>(`/api/course-versions/${enc(versionId ?? '')}/quiz-stats`, { signal }),
    enabled: enabled && !!versionId,
  });
}

export const MY_OFFERS_PAGE_SIZE = 20;

/** `GET /training/offers/mine`: the trainer's own offers with their requests, newest first. */
export const myOffersInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: courseAuthoringKeys.myOffers(),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<MyTrainingOfferDto>>('/api/training/offers/mine', {
        signal,
        query: { cursor: pageParam, limit: MY_OFFERS_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useMyOffers() {
  return useInfiniteQuery(myOffersInfiniteQueryOptions());
}

/** Markdown rendered by the server's post renderer (sanitised), as a lesson's body will be. */
export function useLessonPreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: courseAuthoringKeys.preview(body),
    queryFn: ({ signal }) => {
      const request: PreviewRequest = { body };
      return apiRequest<PreviewDto>('/api/forums/preview', { method: 'POST', body: request, signal });
    },
    staleTime: Infinity,
    enabled: enabled && body.trim() !== '',
  });
}

/** People with the facilitator (or admin) role whose name matches `q`: candidate co-authors. */
export function useFacilitatorMatches(q: string) {
  return useQuery({
    queryKey: courseAuthoringKeys.facilitators(q),
    queryFn: ({ signal }) => apiRequest<UserSummary[]>('/api/workshops/facilitators', { signal, query: { q } }),
    placeholderData: keepPreviousData,
    enabled: q.length > 0,
  });
}
