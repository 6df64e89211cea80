import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateThreadRequest, ThreadDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface CreateThreadVariables extends CreateThreadRequest {
  forumId: string;
}

export function createThread({ forumId, ...body }: CreateThreadVariables): Promise<ThreadDto> {
  return apiRequest<ThreadDto>(`/api/forums/${encodeURIComponent(forumId)}/threads`, { method: 'POST', body });
}

export function useCreateThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createThread,
    onSuccess: (thread) => {
      queryClient.setQueryData(forumKeys.thread(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: forumKeys.threadListsOf(thread.forumId) });
      void queryClient.invalidateQueries({ queryKey: forumKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: forumKeys.detail(thread.forumId) });
    },
  });
}
