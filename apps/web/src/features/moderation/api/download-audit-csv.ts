import { useMutation } from '@tanstack/react-query';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';
import type { AuditFilters } from './moderation.keys';

export const AUDIT_CSV_PATH = '/api/moderation/audit.csv';

/** The audit log (with the filters in force) as a CSV file. */
export function fetchAuditCsv(filters: AuditFilters): Promise<Blob> {
  return fetchAuthorizedBlob(AUDIT_CSV_PATH, { action: filters.action, actorId: filters.actorId });
}

/** Downloads the CSV and saves it as `twinning-moderation-audit-YYYY-MM-DD.csv`. */
export function useDownloadAuditCsv() {
  return useMutation({
    mutationFn: async (filters: AuditFilters) => {
      const blob = await fetchAuditCsv(filters);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(blob, `twinning-moderation-audit-${day}.csv`);
    },
  });
}
