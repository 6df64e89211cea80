import { useQueryClient } from '@tanstack/react-query';
import type { NotificationsServerEvents } from '@twinning/contracts';
import { useCallback, useEffect } from 'react';
import { onRealtimeReconnect, useForumSubscription, useRealtimeEvent } from '../../../lib/realtime';
import { forumKeys } from '../api/forums.keys';

type ForumChanged = Parameters<NotificationsServerEvents['forum.changed']>[0];

/** Keeps a forum's thread list current: a new thread or post there reloads it. */
export function useForumLiveUpdates(forumId: string): void {
  const queryClient = useQueryClient();
  useForumSubscription(forumId);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: forumKeys.threadListsOf(forumId) });
    void queryClient.invalidateQueries({ queryKey: forumKeys.detail(forumId) });
  }, [queryClient, forumId]);

  const handleForumChanged = useCallback(
    (payload: ForumChanged) => {
      if (payload.forumId === forumId) refresh();
    },
    [forumId, refresh],
  );
  useRealtimeEvent('forum.changed', handleForumChanged);

  useEffect(() => onRealtimeReconnect(refresh), [refresh]);
}
