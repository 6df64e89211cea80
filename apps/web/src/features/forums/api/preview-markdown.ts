import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PreviewDto, PreviewRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

/** Renders Markdown the way the server will store it (sanitised HTML), and lists the mentions found. */
export function previewMarkdown(body: string, signal?: AbortSignal): Promise<PreviewDto> {
  const request: PreviewRequest = { body };
  return apiRequest<PreviewDto>('/api/forums/preview', { method: 'POST', body: request, signal });
}

export const previewQueryOptions = (body: string) =>
  queryOptions({
    queryKey: forumKeys.preview(body),
    queryFn: ({ signal }) => previewMarkdown(body, signal),
    staleTime: Infinity,
  });

export function usePreview(body: string, enabled: boolean) {
  return useQuery({ ...previewQueryOptions(body), enabled: enabled && body.trim() !== '' });
}
