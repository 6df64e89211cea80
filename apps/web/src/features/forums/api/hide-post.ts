import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModeratePostRequest, PostDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { replacePost } from './post-cache';

export interface ModeratePostVariables extends ModeratePostRequest {
  postId: string;
}

/** Hides a post from everyone but moderators (moderators). */
export function hidePost({ postId, ...body }: ModeratePostVariables): Promise<PostDto> {
  return apiRequest<PostDto>(`/api/posts/${encodeURIComponent(postId)}/hide`, { method: 'POST', body });
}

export function useHidePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: hidePost,
    onSuccess: (post) => replacePost(queryClient, post),
  });
}
