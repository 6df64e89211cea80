import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { AuthoringWorkspace, useCourseHistory } from '../../features/courses';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/:id/edit`: a course's versions and its newest one, edited while it is a draft. */
export function CourseEditPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useSession();
  const history = useCourseHistory(id);
  const back = (
    <p className="section">
      <Link to="/courses/authored">{t('courseAuthoring.backToList')}</Link>
    </p>
  );

  if (history.isPending || !user) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('courseAuthoring.loadingVersion')} />
      </Page>
    );
  }
  if (history.isError) {
    const notFound = isApiRequestError(history.error) && history.error.status === 404;
    return (
      <Page title={notFound ? t('courseAuthoring.notFound') : t('courseAuthoring.loadFailed')}>
        {notFound ? <p>{t('courseAuthoring.notFoundBody')}</p> : <FormError error={history.error} />}
        {back}
      </Page>
    );
  }
  const newest = history.data[0];
  return (
    <Page title={t('courseAuthoring.editTitle', { title: newest?.title ?? '' })}>
      <AuthoringWorkspace courseId={id} history={history.data} viewerId={user.id} />
      {back}
    </Page>
  );
}
