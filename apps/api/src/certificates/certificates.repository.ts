import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateSourceKind } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { STATUS_LIST_SIZE } from './credential-documents';

export interface CertificateRow {
  id: string;
  user_id: string;
  learner_name: string;
  source_kind: CertificateSourceKind;
  source_id: string;
  title: string;
  /** numeric comes back as a string from pg. */
  hours: string;
  issued_at: Date;
  issuer_name: string;
  verification_code: string;
  status_index: number;
  credential_jwt: string;
  revoked_at: Date | null;
  revocation_reason: string;
}

export interface NewCertificate {
  userId: string;
  learnerName: string;
  sourceKind: CertificateSourceKind;
  sourceId: string;
  title: string;
  hours: number;
  issuerName: string;
  verificationCode: string;
}

const COLUMNS = `id, user_id, learner_name, source_kind, source_id, title, hours, issued_at, issuer_name,
  verification_code, status_index, credential_jwt, revoked_at, revocation_reason`;

/** Certificates and the public keys that signed them: SQL and rows only. */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): DataSource | EntityManager {
    return manager ?? this.dataSource;
  }

  /**
   * Inserts the certificate unless the learner has one for this source already (null then). Its status-list
   * index is drawn at random among the free ones (the Bitstring Status List's advice, so an index tells nothing
   * about when or in what order certificates were issued); the lists in use grow so that at most about half
   * of their entries are taken. Two issuers drawing the same free index at once: the loser draws again.
   */
  async insert(manager: EntityManager, c: NewCertificate): Promise<CertificateRow | null> {
    for (let attempt = 0; ; attempt++) {
      await manager.query(`SAVEPOINT certificate_insert`);
      try {
        const rows: CertificateRow[] = await manager.query(
          `WITH capacity AS (
             SELECT $9::int * (1 + count(*)::int / ($9::int / 2)) AS n FROM certificates
           ), pick AS (
             SELECT r.i FROM capacity, LATERAL (SELECT floor(random() * capacity.n)::int AS i FROM generate_series(1, 64)) r
              WHERE NOT EXISTS (SELECT 1 FROM certificates WHERE status_index = r.i)
              LIMIT 1
           )
           INSERT INTO certificates (user_id, learner_name, source_kind, source_id, title, hours, issuer_name,
                                     verification_code, status_index)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, pick.i FROM pick
           ON CONFLICT ON CONSTRAINT certificates_one_per_source DO NOTHING
           RETURNING ${COLUMNS}`,
          [
            c.userId,
            c.learnerName,
            c.sourceKind,
            c.sourceId,
            c.title,
            c.hours,
            c.issuerName,
            c.verificationCode,
            STATUS_LIST_SIZE,
          ],
        );
        await manager.query(`RELEASE SAVEPOINT certificate_insert`);
        return rows[0] ?? null;
      } catch (err) {
        const constraint = (err as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (constraint !== 'certificates_status_index_key' || attempt >= 5) throw err;
        await manager.query(`ROLLBACK TO SAVEPOINT certificate_insert`);
      }
    }
  }

  async setCredential(manager: EntityManager, id: string, jwt: string, kid: string): Promise<void> {
    await manager.query(`UPDATE certificates SET credential_jwt = $2, signing_kid = $3 WHERE id = $1`, [id, jwt, kid]);
  }

  async bySource(
    manager: EntityManager,
    sourceKind: CertificateSourceKind,
    sourceId: string,
    userIds: readonly string[],
  ): Promise<CertificateRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM certificates
        WHERE source_kind = $1 AND source_id = $2 AND user_id = ANY($3::uuid[])`,
      [sourceKind, sourceId, userIds],
    );
  }

  async byId(id: string, manager?: EntityManager): Promise<CertificateRow | undefined> {
    const rows: CertificateRow[] = await this.db(manager).query(`SELECT ${COLUMNS} FROM certificates WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async byCode(code: string): Promise<CertificateRow | undefined> {
    const rows: CertificateRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM certificates WHERE verification_code = $1`,
      [code],
    );
    return rows[0];
  }

  /** A learner's certificates, newest first (a person holds a handful: no paging). */
  async ofUser(userId: string): Promise<CertificateRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC, id DESC`,
      [userId],
    );
  }

  /** Marks the certificate revoked; undefined when it already was (or does not exist). */
  async revoke(manager: EntityManager, id: string, by: string, reason: string): Promise<CertificateRow | undefined> {
    // A CTE, so the driver returns rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const rows: CertificateRow[] = await manager.query(
      `WITH revoked AS (
         UPDATE certificates SET revoked_at = clock_timestamp(), revoked_by = $2, revocation_reason = $3
          WHERE id = $1 AND revoked_at IS NULL
      RETURNING ${COLUMNS})
       SELECT * FROM revoked`,
      [id, by, reason],
    );
    return rows[0];
  }

  /** The revoked indexes in [from, to). */
  async revokedIndexes(from: number, to: number): Promise<number[]> {
    const rows: { status_index: number }[] = await this.dataSource.query(
      `SELECT status_index FROM certificates
        WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2`,
      [from, to],
    );
    return rows.map((r) => r.status_index);
  }

  /** Whether any certificate was given an index in [from, to): lists beyond the last one do not exist. */
  async listExists(from: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM certificates WHERE status_index >= $1 LIMIT 1`, [
      from,
    ]);
    return rows.length > 0;
  }

  /**
   * Publishes a public key (kept for good) and retires every other one still current. Runs with every issued
   * certificate, so it writes (and locks) nothing when the key is already the current one: `ON CONFLICT DO
   * UPDATE` would lock the key's row until the issuer's transaction ends and make concurrent issuers queue.
   */
  async publishKey(manager: EntityManager | undefined, kid: string, jwk: object): Promise<void> {
    await this.db(manager).query(
      `WITH added AS (
         INSERT INTO credential_keys (kid, public_jwk) VALUES ($1, $2::jsonb)
         ON CONFLICT (kid) DO NOTHING
         RETURNING kid
       ), revived AS (
         UPDATE credential_keys SET retired_at = NULL WHERE kid = $1 AND retired_at IS NOT NULL
         RETURNING kid
       )
       UPDATE credential_keys SET retired_at = clock_timestamp()
        WHERE kid <> $1 AND retired_at IS NULL`,
      [kid, JSON.stringify(jwk)],
    );
  }

  async publicKeys(): Promise<{ kid: string; public_jwk: Record<string, unknown>; retired_at: Date | null }[]> {
    return this.dataSource.query(`SELECT kid, public_jwk, retired_at FROM credential_keys ORDER BY created_at, kid`);
  }
}
