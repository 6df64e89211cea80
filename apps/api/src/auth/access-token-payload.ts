/** The claims of an access token (HS256 JWT). */
export interface AccessTokenPayload {
  sub: string;
  typ: 'access';
  /** The refresh-token family (the sign-in) this token belongs to, when issued for one. */
  fam?: string;
  /** Issued at, in milliseconds: compared with the user's sessions_revoked_at. */
  iam?: number;
  iat?: number;
}
