import type { SearchQuery, Theme } from '@twinning/contracts';

/** Filters of a forum's thread list (everything but the paging). */
export interface ThreadFilters {
  theme?: Theme;
}

/** A search (everything but the paging). */
export type SearchFilters = Omit<SearchQuery, 'cursor' | 'limit'>;

export const forumKeys = {
  all: ['forums'] as const,
  lists: () => [...forumKeys.all, 'list'] as const,
  details: () => [...forumKeys.all, 'detail'] as const,
  detail: (forumId: string) => [...forumKeys.details(), forumId] as const,
  threadLists: () => [...forumKeys.all, 'threads'] as const,
  threadListsOf: (forumId: string) => [...forumKeys.threadLists(), forumId] as const,
  threadList: (forumId: string, filters: ThreadFilters) => [...forumKeys.threadListsOf(forumId), filters] as const,
  silences: (forumId: string) => [...forumKeys.all, 'silences', forumId] as const,
  threads: () => [...forumKeys.all, 'thread'] as const,
  thread: (threadId: string) => [...forumKeys.threads(), threadId] as const,
  /** Every window of posts loaded for a thread. */
  postsOf: (threadId: string) => [...forumKeys.all, 'posts', threadId] as const,
  /** The window of posts that opened at post number `anchor`. */
  posts: (threadId: string, anchor: number) => [...forumKeys.postsOf(threadId), anchor] as const,
  revisions: (postId: string) => [...forumKeys.all, 'revisions', postId] as const,
  mentionable: (threadId: string, q: string) => [...forumKeys.all, 'mentionable', threadId, q] as const,
  preview: (body: string) => [...forumKeys.all, 'preview', body] as const,
  searches: () => [...forumKeys.all, 'search'] as const,
  search: (filters: SearchFilters) => [...forumKeys.searches(), filters] as const,
};
