import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationLevel, SetNotificationLevelRequest, ThreadDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface SetNotificationLevelVariables extends SetNotificationLevelRequest {
  threadId: string;
}

export function setNotificationLevel({ threadId, level }: SetNotificationLevelVariables): Promise<void> {
  const body: SetNotificationLevelRequest = { level };
  return apiRequest<void>(`/api/threads/${encodeURIComponent(threadId)}/notification-level`, {
    method: 'PUT',
    body,
  });
}

/** Changes the viewer's notification level at once, and puts it back if the call fails. */
export function useSetNotificationLevel() {
  const queryClient = useQueryClient();
  const setLevel = (threadId: string, level: NotificationLevel) =>
    queryClient.setQueryData<ThreadDto>(forumKeys.thread(threadId), (thread) =>
      thread ? { ...thread, notificationLevel: level } : thread,
    );
  return useMutation({
    mutationFn: setNotificationLevel,
    onMutate: ({ threadId, level }) => {
      const previous = queryClient.getQueryData<ThreadDto>(forumKeys.thread(threadId))?.notificationLevel;
      setLevel(threadId, level);
      return { previous };
    },
    onError: (_error, { threadId }, context) => {
      if (context?.previous) setLevel(threadId, context.previous);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forumKeys.threadLists() }),
  });
}
