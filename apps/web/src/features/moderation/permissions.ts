import type { MeDto } from '@twinning/contracts';
import { hasRole } from '../../lib/roles';

/** Admins moderate every forum; coordinators of a city moderate their partnerships' forums. */
export function canModerateForums(user: MeDto | null | undefined): boolean {
  if (!user) return false;
  return hasRole(user, 'admin') || user.cities.some((city) => city.role === 'coordinator');
}

/** The audit log is for admins only. */
export function canReadAuditLog(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'admin');
}
