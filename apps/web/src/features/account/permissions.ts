import type { MeDto } from '@twinning/contracts';
import { hasRole } from '../../lib/roles';

export function isAdmin(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'admin');
}

/** Admins review every join request; coordinators review those of their cities. */
export function canReviewJoinRequests(user: MeDto | null | undefined): boolean {
  if (!user) return false;
  return hasRole(user, 'admin') || user.cities.some((city) => city.role === 'coordinator');
}
