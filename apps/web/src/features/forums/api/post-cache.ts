import type { QueryClient } from '@tanstack/react-query';
import type { PostDto, PostPage } from '@twinning/contracts';
import { forumKeys } from './forums.keys';
import type { PostsData } from './get-posts';

/** Every loaded post of a window, in thread order. */
export function postsOf(data: { pages: PostPage[] } | undefined): PostDto[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Number of the last post loaded in a window (or the post the window opens after, when it is empty). */
export function lastLoadedSeq(data: PostsData): number {
  const posts = postsOf(data);
  const last = posts[posts.length - 1];
  if (last) return last.seq;
  return data.pageParams[0]?.afterSeq ?? 0;
}

/** True when the window reaches the newest post, so new posts belong at its end. */
export function reachesEnd(data: PostsData): boolean {
  return data.pages[data.pages.length - 1]?.nextAfterSeq === null;
}

/** Adds a page of later posts to a window, leaving out posts it already holds. */
export function appendPage(data: PostsData, page: PostPage, afterSeq: number): PostsData {
  const known = new Set(postsOf(data).map((post) => post.id));
  const items = page.items.filter((post) => !known.has(post.id));
  if (items.length === 0 && page.nextAfterSeq === null) return data;
  return {
    pages: [...data.pages, { items, nextAfterSeq: page.nextAfterSeq, prevBeforeSeq: null }],
    pageParams: [...data.pageParams, { afterSeq }],
  };
}

/** Replaces one post (edited, deleted, hidden…) wherever the thread's windows show it. */
export function replacePost(queryClient: QueryClient, post: PostDto): void {
  queryClient.setQueriesData<PostsData>({ queryKey: forumKeys.postsOf(post.threadId) }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === post.id ? post : item)),
          })),
        }
      : data,
  );
}

/** Changes one post in place (for answers without a body, such as a flag). */
export function updatePost(
  queryClient: QueryClient,
  threadId: string,
  postId: string,
  change: (post: PostDto) => PostDto,
): void {
  queryClient.setQueriesData<PostsData>({ queryKey: forumKeys.postsOf(threadId) }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === postId ? change(item) : item)),
          })),
        }
      : data,
  );
}

/** Adds a new post at the end of every window of its thread that reaches the newest post. */
export function appendPost(queryClient: QueryClient, post: PostDto): void {
  queryClient.setQueriesData<PostsData>({ queryKey: forumKeys.postsOf(post.threadId) }, (data) =>
    data && reachesEnd(data)
      ? appendPage(data, { items: [post], nextAfterSeq: null, prevBeforeSeq: null }, lastLoadedSeq(data))
      : data,
  );
}
