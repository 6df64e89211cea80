import type { RosterEntryDto, VisitDto } from '@twinning/contracts';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';
import { useDownloadRosterCsv } from '../api/download-roster-csv';
import { useRoster } from '../api/get-roster';

function statusText(t: ReturnType<typeof useI18n>['t'], entry: RosterEntryDto): string {
  if (entry.status === 'waitlisted') {
    return entry.position !== null
      ? t('visits.roster.waitlistedAt', { position: entry.position })
      : t('visits.badge.waitlisted');
  }
  return t(`visits.roster.status.${entry.status}`);
}

/** The delegation, for coordinators: who comes, with whom, and their needs; exported as CSV. */
export function RosterPanel({ visit }: { visit: VisitDto }) {
  const { t } = useI18n();
  const headingId = useId();
  const roster = useRoster(visit.id);
  const download = useDownloadRosterCsv();
  const entries = (roster.data ?? []).filter((entry) => entry.status !== 'cancelled');

  return (
    <section className="section visit-roster" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.roster.heading')}</h2>
      <p className="field__hint">{t('visits.roster.private')}</p>
      <FormError error={download.error} />
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={download.isPending}
          onClick={() => download.mutate({ visitId: visit.id, title: visit.title })}
        >
          {download.isPending ? t('visits.roster.exporting') : t('visits.roster.export')}
        </button>
      </p>
      {roster.isPending ? (
        <Loading />
      ) : roster.isError ? (
        <FormError error={roster.error} />
      ) : entries.length === 0 ? (
        <p className="empty">{t('visits.roster.empty')}</p>
      ) : (
        <div className="visit-roster__scroll">
          <table className="table table--stack">
            <caption>
              {t('visits.roster.caption', {
                places: visit.placesTaken,
                capacity: visit.capacity,
                waitlist: visit.waitlistCount,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('visits.roster.person')}</th>
                <th scope="col">{t('visits.roster.city')}</th>
                <th scope="col">{t('visits.roster.statusLabel')}</th>
                <th scope="col">{t('visits.roster.places')}</th>
                <th scope="col">{t('visits.registration.dietary')}</th>
                <th scope="col">{t('visits.registration.accessibility')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.user.id}>
                  <th scope="row">
                    <PersonChip person={entry.user} size={28} showMeta={false} />
                    <br />
                    <a className="visit-roster__email" href={`mailto:${entry.user.email}`}>
                      {entry.user.email}
                    </a>
                  </th>
                  <td data-label={t('visits.roster.city')}>{entry.city?.name ?? '—'}</td>
                  <td data-label={t('visits.roster.statusLabel')}>{statusText(t, entry)}</td>
                  <td data-label={t('visits.roster.places')}>
                    {entry.places}
                    {entry.accompanying > 0 ? (
                      <span className="muted"> {t('visits.roster.accompanying', { count: entry.accompanying })}</span>
                    ) : null}
                  </td>
                  <td data-label={t('visits.registration.dietary')} className="table__message">
                    {entry.dietary || '—'}
                  </td>
                  <td data-label={t('visits.registration.accessibility')} className="table__message">
                    {entry.accessibility || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
