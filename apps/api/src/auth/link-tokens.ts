import { randomBytes } from 'node:crypto';
import { hashToken } from './refresh-token.service';

/** A new link token (what the mail carries) and its SHA-256 (what the database keeps). */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export { hashToken };
