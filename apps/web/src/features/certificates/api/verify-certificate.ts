import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CertificateVerificationDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { certificateKeys } from './certificates.keys';

/** Public: whether a certificate stands, and what it shows. Works without signing in. */
export function verifyCertificate(code: string, signal?: AbortSignal): Promise<CertificateVerificationDto> {
  return apiRequest<CertificateVerificationDto>(`/api/verify/${encodeURIComponent(code)}`, {
    signal,
    retryOnUnauthorized: false,
  });
}

export const certificateVerificationQueryOptions = (code: string) =>
  queryOptions({
    queryKey: certificateKeys.verification(code),
    queryFn: ({ signal }) => verifyCertificate(code, signal),
    retry: false,
  });

export function useCertificateVerification(code: string) {
  return useQuery(certificateVerificationQueryOptions(code));
}
