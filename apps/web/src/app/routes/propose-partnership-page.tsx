import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import { ProposePartnershipForm } from '../../features/partnerships';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/partnerships/new?from=<cityId>&to=<cityId>`: propose a partnership on behalf of one's city. */
export function ProposePartnershipPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();

  return (
    <Page title={t('proposal.pageTitle')} lead={t('proposal.lead')}>
      <ProposePartnershipForm
        myCities={user?.cities ?? []}
        initialFromCityId={searchParams.get('from') ?? undefined}
        initialToCityId={searchParams.get('to') ?? undefined}
        onProposed={(partnership) => navigate(`/partnerships/${partnership.id}`, { state: { proposed: true } })}
      />
      <p>
        <Link to="/partnerships">{t('partnership.backToList')}</Link>
      </p>
    </Page>
  );
}
