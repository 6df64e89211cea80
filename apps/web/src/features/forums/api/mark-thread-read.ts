import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkReadRequest, ThreadDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface MarkThreadReadVariables extends MarkReadRequest {
  threadId: string;
}

/** Records the highest post the viewer has seen; the server never moves it backwards. */
export function markThreadRead({ threadId, lastReadSeq }: MarkThreadReadVariables): Promise<void> {
  const body: MarkReadRequest = { lastReadSeq };
  return apiRequest<void>(`/api/threads/${encodeURIComponent(threadId)}/read`, { method: 'PUT', body });
}

export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markThreadRead,
    onSuccess: (_answer, { threadId, lastReadSeq }) => {
      queryClient.setQueryData<ThreadDto>(forumKeys.thread(threadId), (thread) => {
        if (!thread || thread.lastReadSeq >= lastReadSeq) return thread;
        const unreadCount = Math.max(0, thread.lastSeq - lastReadSeq);
        return {
          ...thread,
          lastReadSeq,
          unreadCount,
          firstUnreadSeq: unreadCount > 0 ? lastReadSeq + 1 : null,
        };
      });
      // Unread counts of the forum lists are now out of date; they refresh when shown again.
      void queryClient.invalidateQueries({ queryKey: forumKeys.threadLists() });
      void queryClient.invalidateQueries({ queryKey: forumKeys.lists() });
    },
  });
}
