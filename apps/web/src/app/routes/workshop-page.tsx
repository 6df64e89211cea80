import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { WorkshopDetail, workshopQueryOptions } from '../../features/workshops';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** While a workshop is scheduled, its page asks again this often, so "Join" appears when it goes live. */
const WORKSHOP_REFRESH_MS = 30_000;

export function WorkshopPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const { user } = useSession();
  const workshop = useQuery({
    ...workshopQueryOptions(id),
    refetchOnWindowFocus: 'always',
    refetchInterval: (query) => (query.state.data?.status === 'scheduled' ? WORKSHOP_REFRESH_MS : false),
  });
  const state = location.state as { created?: boolean; saved?: boolean } | null;
  const initialAnnouncement = state?.created ? t('workshops.created') : state?.saved ? t('workshops.saved') : undefined;

  const back = (
    <p className="section">
      <Link to="/workshops">{t('workshops.backToList')}</Link>
    </p>
  );

  if (workshop.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('workshops.loadingOne')} />
      </Page>
    );
  }
  if (workshop.isError) {
    const notFound = isApiRequestError(workshop.error) && workshop.error.status === 404;
    return (
      <Page title={notFound ? t('workshops.notFound') : t('workshops.loadFailed')}>
        {notFound ? <p>{t('workshops.notFoundBody')}</p> : <FormError error={workshop.error} />}
        {back}
      </Page>
    );
  }

  return (
    <Page title={workshop.data.title} heading={<span dir="auto">{workshop.data.title}</span>}>
      <WorkshopDetail
        key={workshop.data.id}
        workshop={workshop.data}
        viewerId={user?.id ?? ''}
        initialAnnouncement={initialAnnouncement}
      />
      {back}
    </Page>
  );
}
