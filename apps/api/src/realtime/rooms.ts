/** The only place that names socket.io rooms. */
export const Rooms = {
  user: (userId: string) => `user:${userId}`,
  thread: (threadId: string) => `thread:${threadId}`,
  forum: (forumId: string) => `forum:${forumId}`,
  /** /notifications: the open pages of a study visit. */
  visit: (visitId: string) => `visit:${visitId}`,
  /** /workshops: everyone in a workshop room. */
  workshop: (workshopId: string) => `workshop:${workshopId}`,
  /** /workshops: the facilitators in a workshop room (reports arrive here). */
  workshopFacilitators: (workshopId: string) => `workshop:${workshopId}:facilitators`,
  /** /workshops: every socket of one user in a workshop room (to remove or tell them). */
  workshopUser: (workshopId: string, userId: string) => `workshop:${workshopId}:user:${userId}`,
} as const;
