import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { useWorkshop, WorkshopRoom } from '../../features/workshops';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function WorkshopRoomPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useSession();
  const workshop = useWorkshop(id);

  const back = (
    <p className="section">
      <Link to="/workshops">{t('room.backToWorkshops')}</Link>
    </p>
  );

  if (workshop.isPending || !user) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('room.page.loading')} />
      </Page>
    );
  }
  if (workshop.isError) {
    const notFound = isApiRequestError(workshop.error) && workshop.error.status === 404;
    return (
      <Page title={notFound ? t('room.page.notFound') : t('room.page.loadFailed')}>
        {notFound ? <p>{t('room.page.notFoundBody')}</p> : <FormError error={workshop.error} />}
        {back}
      </Page>
    );
  }

  const data = workshop.data;
  return (
    <Page
      title={t('room.page.title', { title: data.title })}
      heading={<span dir="auto">{data.title}</span>}
      className="page--room"
    >
      <WorkshopRoom key={`${data.id}:${user.id}`} workshop={data} viewer={user} />
    </Page>
  );
}
