import type { MeDto } from '@twinning/contracts';

/** Facilitators (the platform role admins grant) and admins create workshops. */
export function canCreateWorkshops(user: MeDto | null | undefined): boolean {
  return user?.role === 'facilitator' || user?.role === 'admin';
}
