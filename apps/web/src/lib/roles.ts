import { holdsRole, type MeDto, type PlatformRole } from '@twinning/contracts';
import type { Formatters, Translate } from './i18n';

/** Whether the signed-in user holds a platform role: the one place the web reads platform roles. */
export function hasRole(user: Pick<MeDto, 'roles'> | null | undefined, role: PlatformRole): boolean {
  return !!user && holdsRole(user.roles, role);
}

/** "Facilitator and Reviewer", or "Member" for a user who holds no platform role. */
export function platformRolesText(
  t: Translate,
  format: Pick<Formatters, 'list'>,
  roles: readonly PlatformRole[],
): string {
  return roles.length === 0 ? t('platformRoles.member') : format.list(roles.map((role) => t(`platformRoles.${role}`)));
}
