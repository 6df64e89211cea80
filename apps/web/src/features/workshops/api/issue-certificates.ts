import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

export interface IssueCertificates {
  workshopId: string;
  /** The participants to issue to; null: every eligible participant without a certificate yet. */
  userIds: string[] | null;
}

/** Issues attendance certificates of an ended workshop (facilitators); answers the certificates issued. */
export function issueCertificates({ workshopId, userIds }: IssueCertificates): Promise<CertificateDto[]> {
  const base = `/api/workshops/${encodeURIComponent(workshopId)}/certificates`;
  return userIds
    ? apiRequest<CertificateDto[]>(base, { method: 'POST', body: { userIds } })
    : apiRequest<CertificateDto[]>(`${base}/eligible`, { method: 'POST' });
}

export function useIssueCertificates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueCertificates,
    // on failure too: someone may have become ineligible (a correction by another facilitator)
    onSettled: (_result, _error, { workshopId }) =>
      queryClient.invalidateQueries({ queryKey: workshopKeys.attendance(workshopId) }),
  });
}
