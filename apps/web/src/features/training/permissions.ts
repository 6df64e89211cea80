import type { MeDto } from '@twinning/contracts';

/**
 * Coordinators of a city request training, for their city or for a partnership one of their cities is
 * a member of (the API decides for each; the board only offers the button).
 */
export function canRequestTraining(user: MeDto | null | undefined): boolean {
  return !!user?.cities.some((city) => city.role === 'coordinator');
}
