import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { ReviewVersion, useCourseVersion } from '../../features/courses';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/reviews/:versionId`: one version under review, lesson by lesson. */
export function CourseReviewPage() {
  const t = useT();
  const { versionId = '' } = useParams();
  const { user } = useSession();
  const version = useCourseVersion(versionId);
  const back = (
    <p className="section">
      <Link to="/courses/reviews">{t('courseReview.backToQueue')}</Link>
    </p>
  );

  if (version.isPending || !user) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('courseAuthoring.loadingVersion')} />
      </Page>
    );
  }
  if (version.isError) {
    const notFound = isApiRequestError(version.error) && version.error.status === 404;
    return (
      <Page title={notFound ? t('courseAuthoring.notFound') : t('courseAuthoring.loadFailed')}>
        {notFound ? <p>{t('courseAuthoring.notFoundBody')}</p> : <FormError error={version.error} />}
        {back}
      </Page>
    );
  }
  return (
    <Page title={t('courseReview.title', { title: version.data.title })}>
      <ReviewVersion version={version.data} user={user} />
      {back}
    </Page>
  );
}
