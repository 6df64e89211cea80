import type { MeDto } from '@twinning/contracts';
import { hasRole } from '../../lib/roles';

/** Facilitators (the platform role admins grant) and admins create workshops. */
export function canCreateWorkshops(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'facilitator') || hasRole(user, 'admin');
}
