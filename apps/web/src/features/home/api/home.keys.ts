export const homeKeys = {
  all: ['home'] as const,
  /** The signed-in user's home (`GET /api/me/home`). */
  mine: () => [...homeKeys.all, 'mine'] as const,
  /** The landing page's public facts (`GET /api/public/overview`). */
  publicOverview: () => [...homeKeys.all, 'public-overview'] as const,
};
