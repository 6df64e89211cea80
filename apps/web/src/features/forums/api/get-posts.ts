import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { PostListQuery, PostPage } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export const POST_PAGE_SIZE = 20;

/** Where a page of posts starts or ends: post numbers, never both. */
export interface PostPageParam {
  afterSeq?: number;
  beforeSeq?: number;
}

export type PostsData = InfiniteData<PostPage, PostPageParam>;

export function getPosts(threadId: string, query: PostListQuery, signal?: AbortSignal): Promise<PostPage> {
  return apiRequest<PostPage>(`/api/threads/${encodeURIComponent(threadId)}/posts`, {
    signal,
    query: { afterSeq: query.afterSeq, beforeSeq: query.beforeSeq, limit: query.limit },
  });
}

/** The first page of a window that opens at post number `anchor` (1 opens at the start of the thread). */
export function anchorPageParam(anchor: number): PostPageParam {
  return anchor > 1 ? { afterSeq: anchor - 1 } : {};
}

/**
 * A window of posts opening at `anchor`, paged both ways: "next" pages carry later posts (afterSeq),
 * "previous" pages earlier ones (beforeSeq).
 */
export const postsInfiniteQueryOptions = (threadId: string, anchor: number) =>
  infiniteQueryOptions({
    queryKey: forumKeys.posts(threadId, anchor),
    queryFn: ({ pageParam, signal }) => getPosts(threadId, { ...pageParam, limit: POST_PAGE_SIZE }, signal),
    initialPageParam: anchorPageParam(anchor),
    getNextPageParam: (lastPage): PostPageParam | undefined =>
      lastPage.nextAfterSeq === null ? undefined : { afterSeq: lastPage.nextAfterSeq },
    getPreviousPageParam: (firstPage): PostPageParam | undefined =>
      firstPage.prevBeforeSeq === null ? undefined : { beforeSeq: firstPage.prevBeforeSeq },
  });

export function usePosts(threadId: string, anchor: number) {
  return useInfiniteQuery(postsInfiniteQueryOptions(threadId, anchor));
}
