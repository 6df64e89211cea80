import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlagPostRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { updatePost } from './post-cache';

export interface FlagPostVariables extends FlagPostRequest {
  threadId: string;
  postId: string;
}

export function flagPost({ postId, reason, note }: FlagPostVariables): Promise<void> {
  const body: FlagPostRequest = note ? { reason, note } : { reason };
  return apiRequest<void>(`/api/posts/${encodeURIComponent(postId)}/flags`, { method: 'POST', body });
}

/** Reports a post to the moderators; the post then shows that the viewer flagged it. */
export function useFlagPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: flagPost,
    onSuccess: (_answer, { threadId, postId }) =>
      updatePost(queryClient, threadId, postId, (post) => ({
        ...post,
        viewer: { ...post.viewer, flagged: true, canFlag: false },
      })),
  });
}
