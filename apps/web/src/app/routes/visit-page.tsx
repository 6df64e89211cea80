import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { useVisit, VisitDetail } from '../../features/visits';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/visits/:id`: one study visit. Visits of partnerships the viewer is not in answer 404. */
export function VisitPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const visit = useVisit(id);
  const { user } = useSession();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  const back = (
    <p className="section">
      <Link to="/visits">{t('visits.backToList')}</Link>
    </p>
  );

  if (visit.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('visits.loadingOne')} />
      </Page>
    );
  }
  if (visit.isError) {
    const notFound = isApiRequestError(visit.error) && visit.error.status === 404;
    return (
      <Page title={notFound ? t('visits.notFound') : t('visits.loadFailed')}>
        {notFound ? <p>{t('visits.notFoundBody')}</p> : <FormError error={visit.error} />}
        {back}
      </Page>
    );
  }

  return (
    <Page title={visit.data.title}>
      <VisitDetail
        key={visit.data.id}
        visit={visit.data}
        viewerId={user?.id}
        initialAnnouncement={justCreated ? t('visits.created') : undefined}
      />
      {back}
    </Page>
  );
}
