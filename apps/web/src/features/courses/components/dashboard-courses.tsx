import { COURSE_APPROVALS_REQUIRED, type CourseVersionSummaryDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useAuthoredCourses } from '../api/authoring-get-authored';
import { useCourseHistory } from '../api/authoring-get-history';
import { useCourseLearners } from '../api/dashboard-get-learners';
import { useQuizStats } from '../api/dashboard-get-quiz-stats';
import { AuthoringStateBadge } from './authoring-state-badge';

/** The trainer's courses, each with its newest version's state; opened, its learners and quiz statistics. */
export function DashboardCourses() {
  const { t } = useI18n();
  const headingId = useId();
  const courses = useAuthoredCourses();

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainerDashboard.courses')}</h2>
      <p>
        <Link to="/courses/new">{t('courseAuthoring.newCourse')}</Link>
      </p>
      {courses.isPending ? (
        <Loading label={t('courseAuthoring.loadingList')} />
      ) : courses.isError ? (
        <FormError error={courses.error} />
      ) : courses.data.length === 0 ? (
        <p className="empty">{t('courseAuthoring.emptyList')}</p>
      ) : (
        <ul className="plain-list">
          {courses.data.map((course) => (
            <DashboardCourse key={course.courseId} course={course} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DashboardCourse({ course }: { course: CourseVersionSummaryDto }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <li className="plain-list__item plain-list__item--stacked dashboard-course">
      <h3 className="authoring-courses__title">
        <Link to={`/courses/${encodeURIComponent(course.courseId)}/edit`} dir="auto">
          {course.title}
        </Link>
      </h3>
      <p className="authoring-courses__meta">
        <span>{t('courseAuthoring.versionNumber', { n: course.number })}</span>{' '}
        <AuthoringStateBadge state={course.state} />{' '}
        {course.state === 'in_review' ? (
          <span>
            {t('courseAuthoring.approvals', { count: course.approvalCount, required: COURSE_APPROVALS_REQUIRED })}
          </span>
        ) : null}
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open
            ? t('trainerDashboard.hideLearners', { title: course.title })
            : t('trainerDashboard.showLearners', { title: course.title })}
        </button>
      </p>
      <div id={panelId} hidden={!open}>
        {open ? <DashboardCourseDetail courseId={course.courseId} /> : null}
      </div>
    </li>
  );
}

function DashboardCourseDetail({ courseId }: { courseId: string }) {
  const { t, format } = useI18n();
  const learners = useCourseLearners(courseId);
  const history = useCourseHistory(courseId);
  // Learners take published versions: the statistics of the current (or last) published one.
  const published =
    history.data?.find((v) => v.state === 'published') ?? history.data?.find((v) => v.state === 'archived');
  const stats = useQuizStats(published?.id);
  const worst = stats.data?.find((s) => s.misses > 0);

  return (
    <div className="stack">
      <h4>{t('trainerDashboard.learners')}</h4>
      {learners.isPending ? (
        <Loading label={t('trainerDashboard.loadingLearners')} />
      ) : learners.isError ? (
        <FormError error={learners.error} />
      ) : learners.data.length === 0 ? (
        <p className="muted">{t('trainerDashboard.noLearners')}</p>
      ) : (
        <table className="table table--stack">
          <caption className="visually-hidden">{t('trainerDashboard.learners')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainerDashboard.learner')}</th>
              <th scope="col">{t('trainerDashboard.version')}</th>
              <th scope="col">{t('trainerDashboard.lessonsDone')}</th>
              <th scope="col">{t('trainerDashboard.quizzesPassed')}</th>
              <th scope="col">{t('trainerDashboard.enrolled')}</th>
            </tr>
          </thead>
          <tbody>
            {learners.data.map((learner) => (
              <tr key={learner.user.id}>
                <td data-label={t('trainerDashboard.learner')} dir="auto">
                  {learner.user.displayName}
                </td>
                <td data-label={t('trainerDashboard.version')}>{learner.versionNumber}</td>
                <td data-label={t('trainerDashboard.lessonsDone')}>
                  {t('trainerDashboard.outOf', { done: learner.lessonsDone, total: learner.lessonCount })}
                </td>
                <td data-label={t('trainerDashboard.quizzesPassed')}>
                  {t('trainerDashboard.outOf', { done: learner.quizzesPassed, total: learner.quizCount })}
                </td>
                <td data-label={t('trainerDashboard.enrolled')}>{format.date(learner.enrolledAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('trainerDashboard.quizStats')}</h4>
      {history.isError ? <FormError error={history.error} /> : null}
      {!published ? (
        history.isPending ? null : (
          <p className="muted">{t('trainerDashboard.notPublished')}</p>
        )
      ) : stats.isPending ? (
        <Loading label={t('trainerDashboard.loadingStats')} />
      ) : stats.isError ? (
        <FormError error={stats.error} />
      ) : stats.data.every((s) => s.attempts === 0) ? (
        <p className="muted">{t('trainerDashboard.noAttempts')}</p>
      ) : (
        <>
          {worst ? (
            <p>
              {t('trainerDashboard.mostMissed', {
                question: worst.question,
                quiz: worst.quizTitle,
                misses: worst.misses,
                attempts: worst.attempts,
              })}
            </p>
          ) : null}
          <table className="table table--stack">
            <caption className="visually-hidden">{t('trainerDashboard.quizStats')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainerDashboard.question')}</th>
                <th scope="col">{t('trainerDashboard.quiz')}</th>
                <th scope="col">{t('trainerDashboard.missed')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.map((s) => (
                <tr key={`${s.quizId}-${s.question}`}>
                  <td data-label={t('trainerDashboard.question')} dir="auto">
                    {s.question}. {s.prompt}
                  </td>
                  <td data-label={t('trainerDashboard.quiz')} dir="auto">
                    {s.quizTitle}
                  </td>
                  <td data-label={t('trainerDashboard.missed')}>
                    {t('trainerDashboard.missedOf', { misses: s.misses, attempts: s.attempts })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
