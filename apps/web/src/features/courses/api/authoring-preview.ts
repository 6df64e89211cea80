import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PreviewDto, PreviewRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

/** Markdown rendered and sanitised by the server's post renderer, as a lesson's body will be stored. */
export function previewLesson(body: string, signal?: AbortSignal): Promise<PreviewDto> {
  const request: PreviewRequest = { body };
  return apiRequest<PreviewDto>('/api/forums/preview', { method: 'POST', body: request, signal });
}

export const lessonPreviewQueryOptions = (body: string) =>
  queryOptions({
    queryKey: courseAuthoringKeys.preview(body),
    queryFn: ({ signal }) => previewLesson(body, signal),
    staleTime: Infinity,
  });

export function useLessonPreview(body: string, enabled: boolean) {
  return useQuery({ ...lessonPreviewQueryOptions(body), enabled: enabled && body.trim() !== '' });
}
