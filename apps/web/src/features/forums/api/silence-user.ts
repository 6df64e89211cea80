import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SilenceDto, SilenceUserRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface SilenceUserVariables extends SilenceUserRequest {
  forumId: string;
}

/** Stops someone from posting in a forum for a while (moderators). */
export function silenceUser({ forumId, ...body }: SilenceUserVariables): Promise<SilenceDto> {
  return apiRequest<SilenceDto>(`/api/forums/${encodeURIComponent(forumId)}/silences`, { method: 'POST', body });
}

export function useSilenceUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: silenceUser,
    onSuccess: (_silence, { forumId }) => queryClient.invalidateQueries({ queryKey: forumKeys.silences(forumId) }),
  });
}
