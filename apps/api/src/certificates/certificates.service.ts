import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  normalizeVerificationCode,
  VERIFICATION_CODE_PATTERN,
  type CertificateDto,
  type CertificateSourceKind,
  type CertificateVerificationDto,
} from '@twinning/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import { recordAudit } from '../common/moderation-audit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificatesRepository, type CertificateRow } from './certificates.repository';
import { openBadgeCredential, STATUS_LIST_SIZE, statusListCredential } from './credential-documents';
import { CredentialKeysService } from './credential-keys.service';

/** What a feature (a finished course, an attended workshop) hands over to issue a certificate. */
export interface IssueCertificateInput {
  userId: string;
  sourceKind: CertificateSourceKind;
  sourceId: string;
  title: string;
  hours: number;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 20 base32 characters from 13 random bytes: 100 random bits. */
export function newVerificationCode(): string {
  const bytes = randomBytes(13);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

const hoursOf = (row: CertificateRow) => Number(row.hours);

/** Issuing, reading, verifying and revoking certificates, and the status list that publishes revocations. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: CertificatesRepository,
    private readonly keys: CredentialKeysService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * Issues a certificate in the caller's transaction: the learner's name as their profile writes it now,
   * a verification code, a status-list index and the signed credential. A learner has at most one
   * certificate per source: issuing again returns the one they have.
   */
  async issue(manager: EntityManager, input: IssueCertificateInput): Promise<CertificateRow> {
    const [person]: { display_name: string }[] = await manager.query(`SELECT display_name FROM users WHERE id = $1`, [
      input.userId,
    ]);
    if (!person) throw AppError.notFound('User');
    const row = await this.repository.insert(manager, {
      ...input,
      hours: Math.round(input.hours * 100) / 100,
      learnerName: person.display_name,
      issuerName: this.config.certificates.issuerName,
      verificationCode: newVerificationCode(),
    });
    if (!row) {
      const [existing] = await this.repository.bySource(manager, input.sourceKind, input.sourceId, [input.userId]);
      return existing;
    }
    await this.keys.publish(manager);
    const jwt = await this.keys.sign(
      openBadgeCredential(this.config.publicUrl, {
        id: row.id,
        learnerName: row.learner_name,
        sourceKind: row.source_kind,
        title: row.title,
        hours: hoursOf(row),
        issuedAt: row.issued_at,
        issuerName: row.issuer_name,
        verificationCode: row.verification_code,
        statusIndex: row.status_index,
      }),
      'vc+jwt',
    );
    await this.repository.setCredential(manager, row.id, jwt, this.keys.kid);
    return { ...row, credential_jwt: jwt };
  }

  /** The learner's certificate for a source (a course, a workshop), if they have one. */
  async forSource(
    manager: EntityManager | undefined,
    userId: string,
    sourceKind: CertificateSourceKind,
    sourceId: string,
  ): Promise<CertificateRow | undefined> {
    const [row] = await this.repository.bySource(manager ?? this.dataSource.manager, sourceKind, sourceId, [userId]);
    return row;
  }

  toDto(row: CertificateRow): CertificateDto {
    return {
      id: row.id,
      sourceId: row.source_id,
      ...this.facts(row),
      verificationUrl: this.verifyUrl(row.verification_code),
      revoked: row.revoked_at ? { at: row.revoked_at.toISOString(), reason: row.revocation_reason } : null,
    };
  }

  private facts(row: CertificateRow) {
    return {
      learnerName: row.learner_name,
      title: row.title,
      sourceKind: row.source_kind,
      hours: hoursOf(row),
      issuedAt: row.issued_at.toISOString(),
      issuerName: row.issuer_name,
      verificationCode: row.verification_code,
    };
  }

  private verifyUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${code}`;
  }

  async mine(user: AuthUser): Promise<CertificateDto[]> {
    return (await this.repository.ofUser(user.id)).map((row) => this.toDto(row));
  }

  /** The owner's (or an admin's) certificate; 404 for anyone else, so certificates do not leak. */
  private async readable(user: AuthUser, id: string): Promise<CertificateRow> {
    const row = await this.repository.byId(id);
    if (!row || (row.user_id !== user.id && !hasRole(user, 'admin'))) throw AppError.notFound('Certificate');
    return row;
  }

  async get(user: AuthUser, id: string): Promise<CertificateDto> {
    return this.toDto(await this.readable(user, id));
  }

  async pdf(user: AuthUser, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const row = await this.readable(user, id);
    const pdf = await renderCertificatePdf(this.facts(row), this.verifyUrl(row.verification_code));
    return { fileName: `certificate-${row.verification_code}.pdf`, pdf };
  }

  async credential(user: AuthUser, id: string): Promise<string> {
    return (await this.readable(user, id)).credential_jwt;
  }

  /** Public: what the certificate shows, whether it stands, and its credential. Rate limited per address. */
  async verify(rawCode: string, clientIp: string): Promise<CertificateVerificationDto> {
    await this.rateLimits.consume(
      { name: 'certificate-verify', points: this.config.certificates.verifyPerIpPerMinute, durationSeconds: 60 },
      clientIp,
    );
    const code = normalizeVerificationCode(rawCode);
    const row = VERIFICATION_CODE_PATTERN.test(code) ? await this.repository.byCode(code) : undefined;
    if (!row) throw AppError.notFound('Certificate');
    return {
      ...this.facts(row),
      status: row.revoked_at ? 'revoked' : 'valid',
      revoked: row.revoked_at ? { at: row.revoked_at.toISOString(), reason: row.revocation_reason } : null,
      credentialJwt: row.credential_jwt,
    };
  }

  /** The signed Bitstring Status List credential of list `list` (1-based). */
  async statusList(list: number): Promise<string> {
    const from = (list - 1) * STATUS_LIST_SIZE;
    if (list > 1 && !(await this.repository.listExists(from))) throw AppError.notFound('Status list');
    const revoked = (await this.repository.revokedIndexes(from, from + STATUS_LIST_SIZE)).map((i) => i - from);
    return this.keys.sign(statusListCredential(this.config.publicUrl, list, revoked, new Date()), 'vc+jwt');
  }

  /** Admins revoke with a reason; logged in the moderation audit. Revoking twice is INVALID_STATE. */
  async revoke(admin: AuthUser, id: string, reason: string): Promise<CertificateDto> {
    if (!hasRole(admin, 'admin')) throw AppError.forbidden('Only platform admins can revoke certificates.');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.revoke(manager, id, admin.id, reason.trim());
      if (!row) {
        if (await this.repository.byId(id, manager))
          throw new AppError(ErrorCode.INVALID_STATE, 'The certificate is already revoked.');
        throw AppError.notFound('Certificate');
      }
      await recordAudit(manager, {
        actorId: admin.id,
        action: 'certificate.revoke',
        targetType: 'certificate',
        targetId: row.id,
        targetLabel: `${row.title} (${row.learner_name}, ${row.verification_code})`,
        forumId: null,
        reason: reason.trim(),
      });
      return this.toDto(row);
    });
  }
}
