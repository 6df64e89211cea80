import { COURSE_APPROVALS_REQUIRED } from '@twinning/contracts';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useAuthoredCourses } from '../api/authoring-get-authored';
import { AuthoringStateBadge } from './authoring-state-badge';
import '../authoring.css';

/** The courses the viewer authors, each with the state of its newest version. */
export function AuthoringList() {
  const { t, format } = useI18n();
  const courses = useAuthoredCourses();

  if (courses.isPending) return <Loading label={t('courseAuthoring.loadingList')} />;
  if (courses.isError) return <FormError error={courses.error} />;
  if (courses.data.length === 0) {
    return (
      <div className="empty">
        <p>{t('courseAuthoring.emptyList')}</p>
      </div>
    );
  }
  return (
    <ul className="plain-list authoring-courses">
      {courses.data.map((course) => (
        <li key={course.courseId} className="plain-list__item plain-list__item--stacked">
          <h2 className="authoring-courses__title">
            <Link to={`/courses/${encodeURIComponent(course.courseId)}/edit`} dir="auto">
              {course.title}
            </Link>
          </h2>
          <p className="authoring-courses__meta">
            <span>{t('courseAuthoring.versionNumber', { n: course.number })}</span>{' '}
            <AuthoringStateBadge state={course.state} />{' '}
            {course.state === 'in_review' ? (
              <span>
                {t('courseAuthoring.approvals', { count: course.approvalCount, required: COURSE_APPROVALS_REQUIRED })}
              </span>
            ) : null}
            {course.publishedAt ? (
              <span className="muted">
                {t('courseAuthoring.publishedOn', { date: format.date(course.publishedAt) })}
              </span>
            ) : null}
          </p>
          <p className="muted">{format.list(course.authors.map((a) => a.displayName))}</p>
        </li>
      ))}
    </ul>
  );
}
