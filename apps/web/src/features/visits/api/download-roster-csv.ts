import { useMutation } from '@tanstack/react-query';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';
import { visitPath } from './get-visit';
import { fileSlug } from './file-name';

/** The roster as a CSV file, saved as `twinning-visit-<title>-roster.csv`. */
export function useDownloadRosterCsv() {
  return useMutation({
    mutationFn: async ({ visitId, title }: { visitId: string; title: string }) => {
      const blob = await fetchAuthorizedBlob(`${visitPath(visitId)}/roster.csv`);
      saveBlob(blob, `twinning-visit-${fileSlug(title)}-roster.csv`);
    },
  });
}
