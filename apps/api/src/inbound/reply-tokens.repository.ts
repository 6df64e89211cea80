import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlatformRole, UiLanguage } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A reply address's owner and thread, with what the refusal mail needs to know about them. */
export interface ReplyTokenRow {
  user_id: string;
  thread_id: string;
  email: string;
  display_name: string;
  roles: PlatformRole[];
  email_verified: boolean;
  preferred_language: UiLanguage;
  thread_title: string;
  last_message_id: string | null;
}

/** The reply_tokens table: only token hashes, one row per user and thread. */
@Injectable()
export class ReplyTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the token of (user, thread); a new hash (the server secret changed) replaces the old one. */
  async upsert(manager: EntityManager, hash: Buffer, userId: string, threadId: string): Promise<void> {
    await manager.query(
      `INSERT INTO reply_tokens (token_hash, user_id, thread_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET token_hash = EXCLUDED.token_hash
        WHERE reply_tokens.token_hash <> EXCLUDED.token_hash`,
      [hash, userId, threadId],
    );
  }

  async exists(hash: Buffer): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM reply_tokens WHERE token_hash = $1`, [hash]);
    return rows.length > 0;
  }

  /** The token's owner (current address and language) and thread; null when unknown. One query. */
  async resolve(hash: Buffer, manager: EntityManager = this.dataSource.manager): Promise<ReplyTokenRow | null> {
    const rows: ReplyTokenRow[] = await manager.query(
      `SELECT r.user_id, r.thread_id, r.last_message_id, u.email, u.display_name, u.roles, u.email_verified_at IS NOT NULL AS email_verified, u.preferred_language, t.title AS thread_title
         FROM reply_tokens r
         JOIN users u ON u.id = r.user_id
         JOIN threads t ON t.id = r.thread_id
        WHERE r.token_hash = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }

  /** Records a posted reply and its Message-ID. */
  async markUsed(hash: Buffer, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE reply_tokens SET last_used_at = now(), last_message_id = $2 WHERE token_hash = $1`,
      [hash, messageId],
    );
  }

  /**
   * Claims the token's refusal mail for this hour: true (and the time recorded, in the caller's
   * transaction) when no refusal was mailed for it in the last hour. Concurrent claims serialize on the row.
   */
  async claimRefusalMail(manager: EntityManager, hash: Buffer): Promise<boolean> {
    // Wrapped in WITH … SELECT: through TypeORM a bare UPDATE … RETURNING answers [rows, count].
    const rows: unknown[] = await manager.query(
      `WITH claimed AS (
         UPDATE reply_tokens SET last_refusal_mailed_at = now()
          WHERE token_hash = $1
            AND (last_refusal_mailed_at IS NULL OR last_refusal_mailed_at <= now() - interval '1 hour')
          RETURNING 1)
       SELECT 1 FROM claimed`,
      [hash],
    );
    return rows.length > 0;
  }
}
