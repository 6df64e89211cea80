import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { parseVisitListParams, useMyPartnerships, VisitList, visitListParamsToSearch } from '../../features/visits';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/visits?view=month&month=2026-10&partnershipId=…`: the study visits of the viewer's partnerships. */
export function VisitsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseVisitListParams(new URLSearchParams(search)), [search]);
  const partnerships = useMyPartnerships();
  const canPlan = partnerships.data?.some((partnership) => partnership.coordinator) ?? false;
  const newHref = params.partnershipId
    ? `/visits/new?partnershipId=${encodeURIComponent(params.partnershipId)}`
    : '/visits/new';

  return (
    <Page title={t('visits.title')} lead={t('visits.lead')}>
      {canPlan ? (
        <p>
          <Link to={newHref} className="button button--link">
            {t('visits.new')}
          </Link>
        </p>
      ) : null}
      <VisitList params={params} onParamsChange={(next) => setSearchParams(visitListParamsToSearch(next))} />
    </Page>
  );
}
