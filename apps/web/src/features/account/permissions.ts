import type { MeDto } from '@twinning/contracts';

export function isAdmin(user: MeDto | null | undefined): boolean {
  return user?.role === 'admin';
}

/** Admins review every join request; coordinators review those of their cities. */
export function canReviewJoinRequests(user: MeDto | null | undefined): boolean {
  if (!user) return false;
  return user.role === 'admin' || user.cities.some((city) => city.role === 'coordinator');
}
