import { Link, useNavigate, useSearchParams } from 'react-router';
import { NewVisitForm } from '../../features/visits';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/visits/new?partnershipId=…`: a coordinator plans a study visit. */
export function VisitNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();

  return (
    <Page title={t('visits.newTitle')} lead={t('visits.newLead')}>
      <NewVisitForm
        initialPartnershipId={searchParams.get('partnershipId') ?? undefined}
        onCreated={(visit) => navigate(`/visits/${visit.id}`, { state: { created: true } })}
      />
      <p className="section">
        <Link to="/visits">{t('visits.backToList')}</Link>
      </p>
    </Page>
  );
}
