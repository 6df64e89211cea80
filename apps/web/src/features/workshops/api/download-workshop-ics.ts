import { useMutation } from '@tanstack/react-query';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';

export function workshopIcsPath(workshopId: string): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/calendar.ics`;
}

/** A file name from the title: `twinning-workshop-<title>.ics`, letters and digits of any script kept. */
export function workshopIcsFileName(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `twinning-workshop-${slug || 'event'}.ics`;
}

/** The workshop as an iCalendar file (needs the access token: fetched, then saved). */
export function useDownloadWorkshopIcs() {
  return useMutation({
    mutationFn: async ({ workshopId, title }: { workshopId: string; title: string }) => {
      saveBlob(await fetchAuthorizedBlob(workshopIcsPath(workshopId)), workshopIcsFileName(title));
    },
  });
}
