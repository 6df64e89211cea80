import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { useT } from '../../../lib/i18n';
import { useVisits } from '../api/get-visits';
import { VisitCard } from './visit-card';

/** How many upcoming visits the partnership's page lists; the visits page has them all. */
const SHOWN = 3;

/** On a partnership's page: its next visits, a link to all of them and, for its coordinators, planning one. */
export function PartnershipVisitsLinks({ partnershipId, canPlan }: { partnershipId: string; canPlan: boolean }) {
  const t = useT();
  const visits = useVisits({ when: 'upcoming', partnershipId });
  const items = visits.data?.pages.flatMap((page) => page.items).slice(0, SHOWN) ?? [];
  const query = `partnershipId=${encodeURIComponent(partnershipId)}`;
  return (
    <section className="section" aria-labelledby="partnership-visits">
      <h2 id="partnership-visits">{t('visits.partnership.heading')}</h2>
      {visits.isPending ? (
        <Loading label={t('visits.loading')} />
      ) : items.length === 0 ? (
        <p className="muted">{t('visits.empty.upcoming')}</p>
      ) : (
        <ul className="visit-list">
          {items.map((visit) => (
            <li key={visit.id}>
              <VisitCard visit={visit} />
            </li>
          ))}
        </ul>
      )}
      <div className="button-row section">
        <Link to={`/visits?${query}`}>{t('visits.partnership.see')}</Link>
        {canPlan ? (
          <Link to={`/visits/new?${query}`} className="button button--link button--secondary">
            {t('visits.partnership.plan')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
