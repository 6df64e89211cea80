import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

/** On a partnership's page: its visits, and, for its coordinators, planning a new one. */
export function PartnershipVisitsLinks({ partnershipId, canPlan }: { partnershipId: string; canPlan: boolean }) {
  const t = useT();
  const query = `partnershipId=${encodeURIComponent(partnershipId)}`;
  return (
    <section className="section" aria-labelledby="partnership-visits">
      <h2 id="partnership-visits">{t('visits.partnership.heading')}</h2>
      <div className="button-row">
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
