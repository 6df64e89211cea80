import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePostRequest, PostDto } from '@twinning/contracts';
import { apiRequest, isApiRequestError } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';
import { appendPost } from './post-cache';

export interface CreatePostVariables extends CreatePostRequest {
  threadId: string;
}

export function createPost({ threadId, ...body }: CreatePostVariables): Promise<PostDto> {
  return apiRequest<PostDto>(`/api/threads/${encodeURIComponent(threadId)}/posts`, { method: 'POST', body });
}

/** Posts a reply; it appears at once at the end of the thread (the live event then finds it already there). */
export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPost,
    onSuccess: (post) => {
      appendPost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: forumKeys.thread(post.threadId) });
      void queryClient.invalidateQueries({ queryKey: forumKeys.threadLists() });
      void queryClient.invalidateQueries({ queryKey: forumKeys.lists() });
    },
    onError: (error, { threadId }) => {
      // The thread was locked or the viewer silenced meanwhile: reload it so the page says so.
      if (isApiRequestError(error) && (error.code === 'THREAD_LOCKED' || error.code === 'SILENCED')) {
        void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
      }
    },
  });
}
