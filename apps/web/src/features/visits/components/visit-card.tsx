import type { VisitSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { useI18n } from '../../../lib/i18n';
import { formatDateRange } from '../visit-time';
import { MyRegistrationBadge } from './my-registration-badge';
import { VisitStatusBadge } from './visit-status-badge';

/** The visit's dates in the host's calendar, or why there are none yet. */
export function VisitDatesText({ visit }: { visit: VisitSummaryDto }) {
  const { t, language } = useI18n();
  if (visit.startDate && visit.endDate) {
    return (
      <>
        {formatDateRange(language, visit.startDate, visit.endDate)}{' '}
        <span className="muted">{t('visits.datesIn', { city: visit.hostCity.name })}</span>
      </>
    );
  }
  return <>{visit.pollOpen ? t('visits.datesPolling') : t('visits.datesUnset')}</>;
}

/** One visit in the list: title, state, partnership, host city, dates, places and the viewer's place. */
export function VisitCard({ visit }: { visit: VisitSummaryDto }) {
  const { t } = useI18n();
  return (
    <article className="visit-card">
      <h3 className="visit-card__title">
        <Link to={`/visits/${visit.id}`}>{visit.title}</Link>
        <VisitStatusBadge status={visit.status} />
        <MyRegistrationBadge registration={visit.viewer.registration} />
      </h3>
      <dl className="facts facts--compact">
        <Fact label={t('visits.facts.dates')}>
          <VisitDatesText visit={visit} />
        </Fact>
        <Fact label={t('visits.facts.host')}>{visit.hostCity.name}</Fact>
        <Fact label={t('visits.facts.partnership')}>{visit.partnership.title}</Fact>
        <Fact label={t('visits.facts.places')}>
          {t('visits.placesTaken', { taken: visit.placesTaken, capacity: visit.capacity })}
          {visit.waitlistCount > 0 ? ` · ${t('visits.waitlistCount', { count: visit.waitlistCount })}` : null}
        </Fact>
      </dl>
    </article>
  );
}
