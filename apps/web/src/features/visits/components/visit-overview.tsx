import type { VisitDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useDownloadVisitIcs } from '../api/download-visit-ics';
import { formatInstant, formatInstantRange } from '../visit-time';
import { VisitDatesText } from './visit-card';
import { useViewerTimeZone } from '../../../lib/zoned-time';

/** The visit's facts: partnership, host, dates in both zones, places, deadline, themes, purpose. */
export function VisitOverview({ visit }: { visit: VisitDto }) {
  const { t, language, format } = useI18n();
  const viewerZone = useViewerTimeZone();
  const headingId = useId();
  const sameZone = viewerZone === visit.timeZone;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.overview.heading')}</h2>
      {visit.status === 'cancelled' ? (
        <div className="notice visit-cancelled">
          <p>
            <strong>{t('visits.overview.cancelled')}</strong>
          </p>
          {visit.cancelReason ? <p className="quote">{visit.cancelReason}</p> : null}
        </div>
      ) : null}
      <dl className="facts">
        <Fact label={t('visits.facts.partnership')}>
          <Link to={`/partnerships/${visit.partnership.id}`}>{visit.partnership.title}</Link>
        </Fact>
        <Fact label={t('visits.facts.host')}>
          <Link to={`/cities/${visit.hostCity.slug}`}>{visit.hostCity.name}</Link>{' '}
          <span className="muted">{t('visits.overview.timeZone', { zone: visit.timeZone })}</span>
        </Fact>
        <Fact label={t('visits.facts.dates')}>
          <VisitDatesText visit={visit} />
          {visit.startsAt && visit.endsAt && !sameZone ? (
            <>
              <br />
              <span className="muted">
                {t('visits.overview.yourTime', {
                  range: formatInstantRange(language, viewerZone, visit.startsAt, visit.endsAt),
                })}
              </span>
            </>
          ) : null}
        </Fact>
        <Fact label={t('visits.facts.places')}>
          {t('visits.placesTaken', { taken: visit.placesTaken, capacity: visit.capacity })}
          {visit.waitlistCount > 0 ? ` · ${t('visits.waitlistCount', { count: visit.waitlistCount })}` : null}
        </Fact>
        <Fact label={t('visits.facts.deadline')}>
          {visit.registrationDeadline
            ? formatInstant(language, viewerZone, visit.registrationDeadline)
            : t('visits.overview.noDeadline')}
        </Fact>
        {visit.themes.length > 0 ? (
          <Fact label={t('visits.facts.themes')}>
            <ul className="tags">
              {visit.themes.map((theme) => (
                <li key={theme} className="tag">
                  {t(`themes.${theme}`)}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {visit.createdBy ? (
          <Fact label={t('visits.facts.plannedBy')}>
            {t('visits.overview.plannedBy', {
              name: visit.createdBy.displayName,
              date: format.date(visit.createdAt),
            })}
          </Fact>
        ) : null}
      </dl>
      {visit.purposeHtml ? (
        <div className="visit-purpose">
          <h3>{t('visits.overview.purpose')}</h3>
          <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: visit.purposeHtml }} />
        </div>
      ) : null}
      {visit.startDate ? <AddToCalendar visit={visit} /> : null}
    </section>
  );
}

/** The visit and its agenda as an .ics file; the profile's feed keeps every registered visit in sync. */
function AddToCalendar({ visit }: { visit: VisitDto }) {
  const { t } = useI18n();
  const download = useDownloadVisitIcs();
  return (
    <div className="visit-calendar">
      <h3>{t('visits.calendar.heading')}</h3>
      <p className="field__hint">{t('visits.calendar.hint')}</p>
      <FormError error={download.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={download.isPending}
          onClick={() => download.mutate({ visitId: visit.id, title: visit.title })}
        >
          {download.isPending ? t('visits.calendar.downloading') : t('visits.calendar.download')}
        </button>
        <Link to="/profile#calendar-feed">{t('visits.calendar.subscribe')}</Link>
      </div>
    </div>
  );
}
