import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PostDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';
import { replacePost } from './post-cache';

/** Deletes a post; the answer is its tombstone, which takes its place in the thread. */
export function deletePost(postId: string): Promise<PostDto> {
  return apiRequest<PostDto>(`/api/posts/${encodeURIComponent(postId)}`, { method: 'DELETE' });
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePost,
    onSuccess: (post) => {
      replacePost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: forumKeys.threadLists() });
    },
  });
}
