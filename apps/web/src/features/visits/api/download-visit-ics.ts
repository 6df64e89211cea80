import { useMutation } from '@tanstack/react-query';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';
import { visitPath } from './get-visit';
import { fileSlug } from './file-name';

/** The visit and its agenda as an iCalendar file, for the viewer's calendar application. */
export function useDownloadVisitIcs() {
  return useMutation({
    mutationFn: async ({ visitId, title }: { visitId: string; title: string }) => {
      const blob = await fetchAuthorizedBlob(`${visitPath(visitId)}/calendar.ics`);
      saveBlob(blob, `twinning-visit-${fileSlug(title)}.ics`);
    },
  });
}
