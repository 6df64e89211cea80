export const adminUserKeys = {
  all: ['admin-users'] as const,
  lists: () => [...adminUserKeys.all, 'list'] as const,
  list: (q: string) => [...adminUserKeys.lists(), q] as const,
};
