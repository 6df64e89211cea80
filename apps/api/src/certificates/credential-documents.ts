import type { CertificateSourceKind } from '@twinning/contracts';
import { gzipSync } from 'node:zlib';

/** Entries per Bitstring Status List: 16 KB, the minimum size the specification recommends for privacy. */
export const STATUS_LIST_SIZE = 131_072;

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface CredentialFacts {
  id: string;
  learnerName: string;
  sourceKind: CertificateSourceKind;
  title: string;
  hours: number;
  issuedAt: Date;
  issuerName: string;
  verificationCode: string;
  statusIndex: number;
}

/** Which list and which bit of it a certificate's status index is. */
export function statusPosition(statusIndex: number): { list: number; bit: number } {
  return { list: Math.floor(statusIndex / STATUS_LIST_SIZE) + 1, bit: statusIndex % STATUS_LIST_SIZE };
}

export const statusListUrl = (publicUrl: string, list: number) => `${publicUrl}/api/credentials/status/${list}`;

/**
 * The Open Badges 3.0 credential (a W3C Verifiable Credential, data model 2.0) of a certificate, with
 * the JWT claims of its VC-JWT form. It names the learner only as the certificate does (by name).
 */
export function openBadgeCredential(publicUrl: string, c: CredentialFacts): Record<string, unknown> {
  const { list, bit } = statusPosition(c.statusIndex);
  const validFrom = c.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const verifyUrl = `${publicUrl}/verify/${c.verificationCode}`;
  const kind = c.sourceKind === 'course' ? 'Online course completed' : 'Live training workshop attended';
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT],
    id: `urn:uuid:${c.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: c.title,
    issuer: { id: publicUrl, type: ['Profile'], name: c.issuerName, url: publicUrl },
    validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: c.learnerName }],
      achievement: {
        id: `${publicUrl}/api/certificates/achievements/${c.sourceKind}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: c.title,
        description: `${kind}: ${c.title} (${c.hours} h)`,
        criteria: { narrative: kind },
      },
      // OB 3.0 has no field for hours of training; a learner's credits here are those hours.
      creditsEarned: c.hours,
    },
    evidence: [{ id: verifyUrl, type: ['Evidence'], name: 'Verification page' }],
    credentialStatus: {
      id: `${statusListUrl(publicUrl, list)}#${bit}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(bit),
      statusListCredential: statusListUrl(publicUrl, list),
    },
    // VC-JWT claims
    iss: publicUrl,
    jti: `urn:uuid:${c.id}`,
    nbf: Math.floor(c.issuedAt.getTime() / 1000),
  };
}

/** GZIP-compressed, base64url (multibase "u") bitstring with the given bits set (bit 0 = leftmost). */
export function encodeBitstring(bits: readonly number[], size = STATUS_LIST_SIZE): string {
  const bytes = new Uint8Array(size / 8);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The Bitstring Status List credential of list `list` (revocation), as the VC-JWT payload. */
export function statusListCredential(
  publicUrl: string,
  list: number,
  revokedBits: readonly number[],
  now: Date,
): Record<string, unknown> {
  const url = statusListUrl(publicUrl, list);
  return {
    '@context': [VC_CONTEXT_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: publicUrl,
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBitstring(revokedBits),
    },
    iss: publicUrl,
    iat: Math.floor(now.getTime() / 1000),
  };
}
