import { useQueryClient } from '@tanstack/react-query';
import type { NotificationsServerEvents, PostDto } from '@twinning/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { onRealtimeReconnect, useRealtimeEvent, useThreadSubscription } from '../../../lib/realtime';
import { forumKeys } from '../api/forums.keys';
import { getPosts, POST_PAGE_SIZE, type PostsData } from '../api/get-posts';
import { appendPage, lastLoadedSeq, postsOf, reachesEnd, replacePost } from '../api/post-cache';

type ThreadChanged = Parameters<NotificationsServerEvents['thread.changed']>[0];

export interface ThreadLiveUpdatesOptions {
  threadId: string;
  /** The window of posts on screen (see `forumKeys.posts`). */
  anchor: number;
  /** Called with the posts that were just added at the end of the window. */
  onNewPosts?: (posts: PostDto[]) => void;
}

/**
 * Follows a thread over the socket: new posts are fetched (only those after the last one shown) and
 * appended to the window on screen, changed posts are fetched again one by one, and the thread itself is
 * reloaded. After a lost connection everything shown is fetched again, since events may have been missed.
 */
export function useThreadLiveUpdates({ threadId, anchor, onNewPosts }: ThreadLiveUpdatesOptions): void {
  const queryClient = useQueryClient();
  const onNewPostsRef = useRef(onNewPosts);
  useEffect(() => {
    onNewPostsRef.current = onNewPosts;
  }, [onNewPosts]);

  useThreadSubscription(threadId);

  const fetchNewPosts = useCallback(
    async (lastSeq?: number) => {
      const key = forumKeys.posts(threadId, anchor);
      const data = queryClient.getQueryData<PostsData>(key);
      // A window that stops before the newest posts offers "Load later posts" instead.
      if (!data || !reachesEnd(data)) return;
      const after = lastLoadedSeq(data);
      if (lastSeq !== undefined && lastSeq <= after) return;
      try {
        const page = await getPosts(threadId, { afterSeq: after, limit: POST_PAGE_SIZE });
        const known = new Set(postsOf(queryClient.getQueryData<PostsData>(key)).map((post) => post.id));
        queryClient.setQueryData<PostsData>(key, (current) =>
          current && reachesEnd(current) ? appendPage(current, page, after) : current,
        );
        const shown = new Set(postsOf(queryClient.getQueryData<PostsData>(key)).map((post) => post.id));
        const added = page.items.filter((post) => !known.has(post.id) && shown.has(post.id));
        if (added.length > 0) onNewPostsRef.current?.(added);
      } catch {
        await queryClient.invalidateQueries({ queryKey: forumKeys.postsOf(threadId) });
      }
    },
    [queryClient, threadId, anchor],
  );

  const refreshPost = useCallback(
    async (postId: string) => {
      const data = queryClient.getQueryData<PostsData>(forumKeys.posts(threadId, anchor));
      const shown = postsOf(data).find((post) => post.id === postId);
      if (!shown) return;
      try {
        const page = await getPosts(threadId, { afterSeq: shown.seq - 1, limit: 1 });
        const fresh = page.items.find((post) => post.id === postId);
        if (fresh) replacePost(queryClient, fresh);
      } catch {
        await queryClient.invalidateQueries({ queryKey: forumKeys.postsOf(threadId) });
      }
    },
    [queryClient, threadId, anchor],
  );

  const handleThreadChanged = useCallback(
    (payload: ThreadChanged) => {
      if (payload.threadId !== threadId) return;
      void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
      if (payload.change === 'post.created') void fetchNewPosts(payload.lastSeq);
      else if (payload.change === 'post.updated' && payload.postId) void refreshPost(payload.postId);
    },
    [queryClient, threadId, fetchNewPosts, refreshPost],
  );
  useRealtimeEvent('thread.changed', handleThreadChanged);

  useEffect(
    () =>
      onRealtimeReconnect(() => {
        void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
        void fetchNewPosts().then(() => queryClient.invalidateQueries({ queryKey: forumKeys.postsOf(threadId) }));
      }),
    [queryClient, threadId, fetchNewPosts],
  );
}
