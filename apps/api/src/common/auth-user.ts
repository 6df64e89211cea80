import type { PlatformRole } from '@twinning/contracts';

/** Who is calling: resolved from a valid access token on every HTTP request and socket handshake. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: PlatformRole;
  /** False until the owner follows a verification link: routes marked @RequireVerifiedEmail() refuse them. */
  emailVerified: boolean;
}

/** Whether the caller holds a platform role (the one place role checks read the user's roles). */
export function hasRole(user: Pick<AuthUser, 'role'>, role: PlatformRole): boolean {
  return user.role === role;
}
