import { useMutation } from '@tanstack/react-query';
import { fetchAuthorizedBlob, saveBlob } from '../../../lib/authorized-download';

export function transcriptPath(workshopId: string): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/transcript.md`;
}

/** The transcript of an ended workshop, as Markdown (needs the access token: fetched, then saved). */
export function fetchTranscript(workshopId: string): Promise<Blob> {
  return fetchAuthorizedBlob(transcriptPath(workshopId));
}

/** A file name from the title: `workshop-<title>-transcript.md`, letters and digits of any script kept. */
export function transcriptFileName(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `workshop-${slug || 'transcript'}-transcript.md`;
}

export function useDownloadTranscript() {
  return useMutation({
    mutationFn: async ({ workshopId, title }: { workshopId: string; title: string }) => {
      const blob = await fetchTranscript(workshopId);
      saveBlob(blob, transcriptFileName(title));
    },
  });
}
