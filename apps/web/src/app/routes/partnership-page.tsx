import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { PartnershipDetail, usePartnership, usePartnershipsLive } from '../../features/partnerships';
import { PartnershipVisitsLinks } from '../../features/visits';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function PartnershipPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const partnership = usePartnership(id);
  const justProposed = (location.state as { proposed?: boolean } | null)?.proposed === true;
  usePartnershipsLive();

  const back = (
    <p className="section">
      <Link to="/partnerships">{t('partnership.backToList')}</Link>
    </p>
  );

  if (partnership.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('partnership.loading')} />
      </Page>
    );
  }
  if (partnership.isError) {
    const notFound = isApiRequestError(partnership.error) && partnership.error.status === 404;
    return (
      <Page title={notFound ? t('partnership.notFound') : t('partnership.loadFailed')}>
        {notFound ? <p>{t('partnership.notFoundBody')}</p> : <FormError error={partnership.error} />}
        {back}
      </Page>
    );
  }

  return (
    <Page title={partnership.data.title}>
      <PartnershipDetail
        key={partnership.data.id}
        partnership={partnership.data}
        initialAnnouncement={justProposed ? t('proposal.sent') : undefined}
      />
      {partnership.data.viewer.role ? (
        <PartnershipVisitsLinks
          partnershipId={partnership.data.id}
          canPlan={partnership.data.status === 'active' && partnership.data.viewer.role === 'coordinator'}
        />
      ) : null}
      {back}
    </Page>
  );
}
