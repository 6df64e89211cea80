import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { CourseOverview, useCourse } from '../../features/courses';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/:id`: a published course's page (public); signed in, the way to enrol or continue. */
export function CourseOverviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const { user } = useSession();
  const course = useCourse(id);
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  const back = (
    <p className="section">
      <Link to="/courses">{t('courses.backToCatalogue')}</Link>
    </p>
  );

  if (course.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('courses.loadingOne')} />
      </Page>
    );
  }
  if (course.isError) {
    const notFound = isApiRequestError(course.error) && course.error.status === 404;
    return (
      <Page title={notFound ? t('courses.notFound') : t('courses.loadFailed')}>
        {notFound ? <p>{t('courses.notFoundBody')}</p> : <FormError error={course.error} />}
        {back}
      </Page>
    );
  }
  const lang = course.data.language === 'und' ? undefined : course.data.language;
  return (
    <Page
      title={course.data.title}
      heading={
        <span lang={lang} dir="auto">
          {course.data.title}
        </span>
      }
    >
      <CourseOverview
        course={course.data}
        signedIn={user !== null}
        loginPath={`/login?next=${next}`}
        registerPath={`/register?next=${next}`}
      />
      {back}
    </Page>
  );
}
