import { holdsRole, type PlatformRole } from '@twinning/contracts';

/** Who is calling: resolved from a valid access token on every HTTP request and socket handshake. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  /** Platform roles held (a set, in PLATFORM_ROLES order); empty for a member. Read through hasRole. */
  roles: readonly PlatformRole[];
  /** False until the owner follows a verification link: routes marked @RequireVerifiedEmail() refuse them. */
  emailVerified: boolean;
}

/** Whether the caller holds a platform role (the one place role checks read the user's roles). */
export function hasRole(user: Pick<AuthUser, 'roles'>, role: PlatformRole): boolean {
  return holdsRole(user.roles, role);
}
