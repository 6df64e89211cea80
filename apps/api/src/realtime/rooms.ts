/** The only place that names socket.io rooms. */
export const Rooms = {
  user: (userId: string) => `user:${userId}`,
} as const;
