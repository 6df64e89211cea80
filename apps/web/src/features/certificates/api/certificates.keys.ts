export const certificateKeys = {
  all: ['certificates'] as const,
  mine: () => [...certificateKeys.all, 'mine'] as const,
  verification: (code: string) => [...certificateKeys.all, 'verify', code] as const,
};
