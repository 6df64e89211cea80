import type { WorkshopDto } from '@twinning/contracts';
import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useDownloadWorkshopIcs, workshopIcsPath } from '../api/download-workshop-ics';

/** "Add to calendar (.ics)": the workshop as a file, and the way to the calendar feed. */
export function CalendarActions({ workshop }: { workshop: WorkshopDto }) {
  const { t } = useI18n();
  const download = useDownloadWorkshopIcs();

  function handleDownload(event: MouseEvent<HTMLAnchorElement>) {
    // The file needs the access token, which must not go in the address: fetch it, then save it.
    event.preventDefault();
    if (download.isPending) return;
    download.mutate({ workshopId: workshop.id, title: workshop.title });
  }

  return (
    <div className="stack workshop-calendar">
      <p className="field__hint">{t('workshops.calendar.hint')}</p>
      <p className="button-row">
        <a
          href={workshopIcsPath(workshop.id)}
          className="button button--link button--secondary"
          aria-disabled={download.isPending || undefined}
          onClick={handleDownload}
        >
          {download.isPending ? t('workshops.calendar.downloading') : t('workshops.calendar.download')}
        </a>
        <Link to="/profile#calendar-feed">{t('workshops.calendar.subscribe')}</Link>
      </p>
      {download.isError ? <FormError error={download.error} /> : null}
    </div>
  );
}
