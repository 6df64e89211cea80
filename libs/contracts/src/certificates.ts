import type { ParticipantAttendanceDto, WorkshopAttendanceDto } from './attendance';

/** Certificates: what a learner earned (a course completed, a workshop attended), verifiable without Twinning. */

export const CERTIFICATE_SOURCE_KINDS = ['course', 'workshop'] as const;
export type CertificateSourceKind = (typeof CERTIFICATE_SOURCE_KINDS)[number];

/** What a certificate shows: the same on the PDF, the verification page and the credential. */
export interface CertificateFacts {
  /** The learner's name as written in their profile when the certificate was issued (any script). */
  learnerName: string;
  title: string;
  sourceKind: CertificateSourceKind;
  /** Hours of training, e.g. 1.5. */
  hours: number;
  issuedAt: string;
  issuerName: string;
  /** Base32 (RFC 4648, lower case, no padding), 20 characters: 100 random bits. */
  verificationCode: string;
}

/** A certificate as its owner (and admins) see it. */
export interface CertificateDto extends CertificateFacts {
  id: string;
  sourceId: string;
  /** Where anyone can check it: `<PUBLIC_URL>/verify/<code>`. */
  verificationUrl: string;
  revoked: { at: string; reason: string } | null;
}

/** The public verification answer: only what the certificate itself shows. */
export interface CertificateVerificationDto extends CertificateFacts {
  status: 'valid' | 'revoked';
  /** Set when revoked: when and why. */
  revoked: { at: string; reason: string } | null;
  /** The Open Badges 3.0 credential in its VC-JWT form (RS256), to check offline against the JWKS. */
  credentialJwt: string;
}

export interface IssueWorkshopCertificatesRequest {
  userIds: string[];
}

/** The attendance certificate a participant already has. */
export interface AttendanceCertificateRef {
  id: string;
  verificationCode: string;
  issuedAt: string;
  revoked: boolean;
}

/** A participant's attendance, with their certificate if one was issued. */
export interface AttendeeCertificateDto extends ParticipantAttendanceDto {
  certificate: AttendanceCertificateRef | null;
}

/** GET /workshops/:id/attendance: what the facilitator sees before issuing attendance certificates. */
export interface WorkshopAttendanceReportDto extends Omit<WorkshopAttendanceDto, 'participants'> {
  participants: AttendeeCertificateDto[];
}

export interface RevokeCertificateRequest {
  reason: string;
}

export const CERTIFICATE_REVOKE_REASON_MAX = 500;

/** Codes are base32 in groups of four when shown to people; `normalizeVerificationCode` undoes it. */
export function normalizeVerificationCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toLowerCase();
}

export const VERIFICATION_CODE_PATTERN = /^[a-z2-7]{20}$/;
