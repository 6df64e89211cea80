import type { CourseDto, CourseEnrolmentDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { Fact } from '../../../components/fact';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useEnrolOnCourse } from '../api/enrol-course';
import { useCourseEnrolment } from '../api/get-course-enrolment';
import { learnPath, learnProgress, resumeStep } from '../learn-steps';
import { LearnCertificateBanner, LearnNewerVersion } from './learn-notices';
import '../catalogue.css';

export interface CourseOverviewProps {
  course: CourseDto;
  /** Signed in: the enrolment is asked for and the enrol button offered; otherwise a sign-in prompt. */
  signedIn: boolean;
  /** Where signing in (or registering) leads back here from. */
  loginPath: string;
  registerPath: string;
}

/** A published course's page: facts, description, outline, and the learner's way in (enrol, continue). */
export function CourseOverview({ course, signedIn, loginPath, registerPath }: CourseOverviewProps) {
  const { t, format } = useI18n();
  const outlineId = useId();
  const lang = course.language === 'und' ? undefined : course.language;

  return (
    <div className="course-page stack">
      <dl className="facts">
        <Fact label={t('courses.facts.language')}>{format.languageName(course.language)}</Fact>
        {course.themes.length > 0 ? (
          <Fact label={t('courses.facts.themes')}>
            {format.list(course.themes.map((theme) => t(`themes.${theme}`)))}
          </Fact>
        ) : null}
        <Fact label={t('courses.facts.hours')}>{t('courses.hours', { count: course.estimatedHours })}</Fact>
        <Fact label={t('courses.facts.authors')}>
          <bdi>{format.list(course.authors.map((author) => author.displayName))}</bdi>
        </Fact>
        <Fact label={t('courses.facts.version')}>
          {t('courses.versionPublished', { number: course.versionNumber, date: format.date(course.publishedAt) })}
        </Fact>
        {course.forum ? (
          <Fact label={t('courses.facts.discussion')}>
            <Link to={`/forums/${encodeURIComponent(course.forum.id)}`}>{t('courses.forumLink')}</Link>
          </Fact>
        ) : null}
      </dl>
      <p className="course-page__description" lang={lang} dir="auto">
        {course.description}
      </p>
      <section className="course-page__enrol" aria-label={t('courses.enrolment.label')}>
        {signedIn ? (
          <EnrolmentBox course={course} />
        ) : (
          <div className="notice">
            <p>{t('courses.enrolment.signInPrompt')}</p>
            <p className="course-actions">
              <Link to={loginPath} className="button button--link">
                {t('courses.enrolment.signIn')}
              </Link>
              <Link to={registerPath}>{t('courses.enrolment.register')}</Link>
            </p>
          </div>
        )}
      </section>
      <section aria-labelledby={outlineId}>
        <h2 id={outlineId}>{t('courses.outline.heading')}</h2>
        <ol className="course-outline" lang={lang}>
          {course.modules.map((module, index) => (
            <li key={index}>
              <h3 className="course-outline__module">
                <span dir="auto">{module.title}</span>
              </h3>
              <ul className="course-outline__items">
                {module.lessons.map((lesson) => (
                  // the title's direction on a span: on the item it would put the marker on the wrong side
                  <li key={lesson.key}>
                    <span dir="auto">{lesson.title}</span>
                  </li>
                ))}
                {module.quizzes.map((quiz) => (
                  <li key={quiz.id}>
                    <span className="course-outline__kind">{t('courses.outline.quizPrefix')}</span>{' '}
                    <span dir="auto">{quiz.title}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Enrol, or continue where the learner stopped (with their progress, certificate and newer version). */
function EnrolmentBox({ course }: { course: CourseDto }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const enrolment = useCourseEnrolment(course.id);
  const enrol = useEnrolOnCourse(course.id);

  if (enrolment.isPending) return <Loading label={t('courses.enrolment.loading')} />;
  if (enrolment.isError) return <FormError error={enrolment.error} />;
  if (!enrolment.data) {
    return (
      <div className="notice stack">
        <p>{t('courses.enrolment.invite')}</p>
        <FormError error={enrol.error} />
        <p>
          <button
            type="button"
            className="button"
            disabled={enrol.isPending}
            onClick={() =>
              enrol.mutate(undefined, { onSuccess: (e) => void navigate(learnPath(course.id, resumeStep(e)?.id)) })
            }
          >
            {enrol.isPending ? t('courses.enrolment.enrolling') : t('courses.enrolment.enrol')}
          </button>
        </p>
      </div>
    );
  }
  return <Enrolled courseId={course.id} enrolment={enrolment.data} />;
}

function Enrolled({ courseId, enrolment }: { courseId: string; enrolment: CourseEnrolmentDto }) {
  const { t } = useI18n();
  const { done, total } = learnProgress(enrolment);
  const resume = resumeStep(enrolment);
  const started = enrolment.lastLessonKey !== null || done > 0;
  return (
    <div className="stack">
      {enrolment.certificate ? <LearnCertificateBanner certificate={enrolment.certificate} /> : null}
      <LearnNewerVersion courseId={courseId} enrolment={enrolment} />
      <p>{t('courses.progress.summary', { done, total })}</p>
      <p>
        <Link to={learnPath(courseId, resume?.id)} className="button button--link">
          {started ? t('courses.enrolment.continue') : t('courses.enrolment.start')}
        </Link>
        {started && resume ? (
          <span className="muted course-page__resume" dir="auto">
            {' '}
            {t('courses.enrolment.resumeAt', { title: resume.title })}
          </span>
        ) : null}
      </p>
    </div>
  );
}
