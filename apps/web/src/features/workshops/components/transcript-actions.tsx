import type { WorkshopDto } from '@twinning/contracts';
import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { transcriptPath, useDownloadTranscript } from '../api/download-transcript';
import type { Announce } from '../../../lib/announce';
import { roomPath } from './workshop-card';

/** An ended workshop's transcript: read it (the room, read-only) or save it as a Markdown file. */
export function TranscriptActions({ workshop, announce }: { workshop: WorkshopDto; announce: Announce }) {
  const { t } = useI18n();
  const download = useDownloadTranscript();

  function handleExport(event: MouseEvent<HTMLAnchorElement>) {
    // The file needs the access token, which must not go in the address: fetch it, then save it.
    event.preventDefault();
    if (download.isPending) return;
    download.mutate(
      { workshopId: workshop.id, title: workshop.title },
      { onSuccess: () => announce(t('workshops.transcriptExported')) },
    );
  }

  return (
    <div className="stack workshop-transcript">
      <p className="button-row">
        <Link to={roomPath(workshop.id)} className="button button--link">
          {t('workshops.readTranscript')}
        </Link>
        <a
          href={transcriptPath(workshop.id)}
          className="button button--link button--secondary"
          aria-disabled={download.isPending || undefined}
          onClick={handleExport}
        >
          {download.isPending ? t('workshops.exporting') : t('workshops.exportTranscript')}
        </a>
      </p>
      {download.isError ? <FormError error={download.error} /> : null}
    </div>
  );
}
