import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PostDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { ModeratePostVariables } from './hide-post';
import { replacePost } from './post-cache';

/** Shows a hidden post again (moderators). */
export function restorePost({ postId, ...body }: ModeratePostVariables): Promise<PostDto> {
  return apiRequest<PostDto>(`/api/posts/${encodeURIComponent(postId)}/restore`, { method: 'POST', body });
}

export function useRestorePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restorePost,
    onSuccess: (post) => replacePost(queryClient, post),
  });
}
