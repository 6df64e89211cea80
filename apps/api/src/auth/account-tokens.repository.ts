import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

/** A link sent by mail, as stored: only the SHA-256 of its token. */
export interface AccountTokenRow {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  /** The address this link proves (verify_email) or was sent to (reset_password). */
  email: string;
}

/** The account_tokens table: single-use, expiring links for verification and password reset. */
@Injectable()
export class AccountTokensRepository {
  /** Stores a new link and retires the user's earlier unused links of the same purpose. */
  async issue(
    manager: EntityManager,
    values: { userId: string; purpose: AccountTokenPurpose; email: string; tokenHash: string; ttlSeconds: number },
  ): Promise<Date> {
    await this.retire(manager, values.userId, values.purpose);
    const rows: { expires_at: Date }[] = await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, email, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       RETURNING expires_at`,
      [values.userId, values.purpose, values.email, values.tokenHash, values.ttlSeconds],
    );
    return rows[0].expires_at;
  }

  /** Retires the user's unused links of `purpose` (a reset link sent to an address the account left). */
  async retire(manager: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await manager.query(
      `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }

  /** Marks the link used and returns it, if it exists, has this purpose, is unused and has not expired. */
  async consume(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    tokenHash: string,
  ): Promise<AccountTokenRow | null> {
    const rows: { id: string; user_id: string; email: string }[] = await manager.query(
      `WITH used AS (
         UPDATE account_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING id, user_id, email)
       SELECT * FROM used`,
      [tokenHash, purpose],
    );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id, purpose, email: row.email } : null;
  }
}
