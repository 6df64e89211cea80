export const accountKeys = {
  all: ['account'] as const,
  /** The signed-in user (null when signed out). */
  me: () => [...accountKeys.all, 'me'] as const,
};
