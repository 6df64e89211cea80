/** The claims of an access token (HS256 JWT). */
export interface AccessTokenPayload {
  sub: string;
  typ: 'access';
}
