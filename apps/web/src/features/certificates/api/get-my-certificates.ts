import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CertificateDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { certificateKeys } from './certificates.keys';

export function getMyCertificates(signal?: AbortSignal): Promise<CertificateDto[]> {
  return apiRequest<CertificateDto[]>('/api/certificates', { signal });
}

export const myCertificatesQueryOptions = () =>
  queryOptions({ queryKey: certificateKeys.mine(), queryFn: ({ signal }) => getMyCertificates(signal) });

export function useMyCertificates() {
  return useQuery(myCertificatesQueryOptions());
}
