import { Link, Navigate, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { CoursePlayer, learnPath, learnSteps, resumeStep, useCourse, useCourseEnrolment } from '../../features/courses';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/**
 * `/courses/:id/learn/:step`: the player on one lesson or quiz of the learner's version. Without a step
 * (or with one that is not in their version) it goes where they stopped, as the server remembers it.
 */
export function CourseLearnPage() {
  const t = useT();
  const { id = '', step: stepId } = useParams();
  const course = useCourse(id);
  const enrolment = useCourseEnrolment(id);
  const coursePath = `/courses/${encodeURIComponent(id)}`;
  const back = (
    <p className="section">
      <Link to={coursePath}>{t('courses.player.toCoursePage')}</Link>
    </p>
  );

  if (course.isPending || enrolment.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('courses.player.loading')} />
      </Page>
    );
  }
  if (course.isError || enrolment.isError) {
    const error = course.error ?? enrolment.error;
    const notFound = isApiRequestError(error) && error.status === 404;
    return (
      <Page title={notFound ? t('courses.notFound') : t('courses.loadFailed')}>
        {notFound ? <p>{t('courses.notFoundBody')}</p> : <FormError error={error} />}
        <p className="section">
          <Link to="/courses">{t('courses.backToCatalogue')}</Link>
        </p>
      </Page>
    );
  }
  const lang = course.data.language === 'und' ? undefined : course.data.language;
  const heading = (
    <span lang={lang} dir="auto">
      {course.data.title}
    </span>
  );
  if (!enrolment.data) {
    return (
      <Page title={course.data.title} heading={heading}>
        <p className="notice">{t('courses.player.notEnrolled')}</p>
        {back}
      </Page>
    );
  }
  const step = learnSteps(enrolment.data.modules).find((s) => s.id === stepId);
  if (!step) {
    const resume = resumeStep(enrolment.data);
    if (resume) return <Navigate to={learnPath(id, resume.id)} replace />;
    return (
      <Page title={course.data.title} heading={heading}>
        <p>{t('courses.player.empty')}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={`${step.title} – ${course.data.title}`} heading={heading}>
      <CoursePlayer
        courseId={id}
        courseTitle={course.data.title}
        language={course.data.language}
        enrolment={enrolment.data}
        step={step}
      />
    </Page>
  );
}
