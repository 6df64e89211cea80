/** The only place that names socket.io rooms. */
export const Rooms = {
  user: (userId: string) => `user:${userId}`,
  thread: (threadId: string) => `thread:${threadId}`,
  forum: (forumId: string) => `forum:${forumId}`,
} as const;
