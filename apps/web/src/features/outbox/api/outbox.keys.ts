export const outboxKeys = {
  all: ['outbox'] as const,
  /** Whether this server offers the Outbox at all (never in production). */
  availability: () => [...outboxKeys.all, 'availability'] as const,
  lists: () => [...outboxKeys.all, 'list'] as const,
  list: (to: string) => [...outboxKeys.lists(), to] as const,
  mail: (id: string) => [...outboxKeys.all, 'mail', id] as const,
};
