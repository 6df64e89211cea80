import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModerateThreadRequest, ThreadDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface ModerateThreadVariables extends ModerateThreadRequest {
  threadId: string;
}

/** Pins/unpins or locks/unlocks a thread (moderators). */
export function moderateThread({ threadId, ...body }: ModerateThreadVariables): Promise<ThreadDto> {
  return apiRequest<ThreadDto>(`/api/threads/${encodeURIComponent(threadId)}/moderation`, { method: 'PATCH', body });
}

export function useModerateThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateThread,
    onSuccess: (thread) => {
      queryClient.setQueryData(forumKeys.thread(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: forumKeys.threadListsOf(thread.forumId) });
    },
  });
}
