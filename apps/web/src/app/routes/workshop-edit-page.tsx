import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { useWorkshop, WorkshopForm, workshopPath } from '../../features/workshops';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/workshops/:id/edit`: its facilitators edit a scheduled or live workshop (the API has the last word). */
export function WorkshopEditPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const workshop = useWorkshop(id);

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
        <p>
          <Link to="/workshops">{t('workshops.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const data = workshop.data;
  const back = (
    <p>
      <Link to={workshopPath(data.id)} dir="auto">
        {t('workshops.backTo', { title: data.title })}
      </Link>
    </p>
  );
  if (!data.viewer.facilitator || !user) {
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('workshops.editForbidden')}</p>
        {back}
      </Page>
    );
  }
  if (data.status === 'ended') {
    return (
      <Page title={t('workshops.editTitle', { title: data.title })}>
        <p>{t('workshops.editEnded')}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={t('workshops.editTitle', { title: data.title })}>
      {back}
      <WorkshopForm
        key={data.id}
        viewer={user}
        workshop={data}
        onSaved={(saved) => navigate(workshopPath(saved.id), { state: { saved: true } })}
      />
    </Page>
  );
}
