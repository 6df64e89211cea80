import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EditPostRequest, PostDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';
import { replacePost } from './post-cache';

export interface EditPostVariables extends EditPostRequest {
  postId: string;
}

export function editPost({ postId, ...body }: EditPostVariables): Promise<PostDto> {
  return apiRequest<PostDto>(`/api/posts/${encodeURIComponent(postId)}`, { method: 'PATCH', body });
}

export function useEditPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editPost,
    onSuccess: (post) => {
      replacePost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: forumKeys.revisions(post.id) });
    },
  });
}
