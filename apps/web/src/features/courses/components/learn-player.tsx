import type { CourseEnrolmentDto, PostLanguage } from '@twinning/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useRecordCourseProgress } from '../api/record-course-progress';
import { isStepDone, learnPath, learnProgress, learnSteps, type LearnStep } from '../learn-steps';
import { LearnCertificateBanner, LearnNewerVersion } from './learn-notices';
import { LearnOutline } from './learn-outline';
import { LearnQuiz } from './learn-quiz';
import '../learn.css';

export interface CoursePlayerProps {
  courseId: string;
  courseTitle: string;
  language: PostLanguage;
  enrolment: CourseEnrolmentDto;
  /** The step in the address (a lesson key or a quiz id). */
  step: LearnStep;
}

/**
 * The course player: the outline as a navigation (the current step marked), the progress, one lesson
 * (Markdown rendered and sanitised by the server, as posts are) with "mark as done", or one quiz, and
 * previous/next. Opening a lesson tells the server, so the learner resumes there on any device.
 */
export function CoursePlayer({ courseId, courseTitle, language, enrolment, step }: CoursePlayerProps) {
  const { t } = useI18n();
  const steps = learnSteps(enrolment.modules);
  const index = steps.findIndex((s) => s.id === step.id);
  const previous = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 && index < steps.length - 1 ? steps[index + 1] : undefined;
  const { done, total } = learnProgress(enrolment);
  const lang = language === 'und' ? undefined : language;
  const progress = useRecordCourseProgress(courseId);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step.id);
  const stepDone = isStepDone(step, enrolment);

  // Opening a lesson is remembered on the server (where to resume, on any device).
  const remember = progress.mutate;
  useEffect(() => {
    if (step.kind === 'lesson' && enrolment.lastLessonKey !== step.id) remember({ lessonKey: step.id });
    // only when the step changes: the answer updates the enrolment
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step.id]);

  // Moving between steps brings the new one's heading into view and focus (the page's heading stays).
  useEffect(() => {
    if (shownStep.current === step.id) return;
    shownStep.current = step.id;
    setAnnouncement('');
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [step.id]);

  function markDone() {
    progress.mutate(
      { lessonKey: step.id, completed: true },
      {
        onSuccess: (updated) => {
          setAnnouncement(
            updated.certificate && !enrolment.certificate
              ? t('courses.player.completed')
              : t('courses.player.markedDone'),
          );
        },
      },
    );
  }

  return (
    <div className="learn" data-section-base={learnPath(courseId)}>
      <LearnOutline courseId={courseId} enrolment={enrolment} steps={steps} currentId={step.id} lang={lang} />
      <div className="learn__main stack">
        <div className="learn-progress">
          <label htmlFor="learn-progress-bar">{t('courses.progress.label')}</label>
          <progress
            id="learn-progress-bar"
            max={Math.max(total, 1)}
            value={done}
            aria-valuetext={t('courses.progress.summary', { done, total })}
          />
          <span className="learn-progress__text">{t('courses.progress.summary', { done, total })}</span>
        </div>
        {enrolment.certificate ? <LearnCertificateBanner certificate={enrolment.certificate} /> : null}
        <LearnNewerVersion courseId={courseId} enrolment={enrolment} />
        <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
        <article className="learn-step" aria-labelledby="learn-step-heading">
          <p className="learn-step__where muted">
            {t('courses.player.where', {
              module: enrolment.modules[step.moduleIndex]?.title ?? '',
              number: index + 1,
              total: steps.length,
            })}
          </p>
          <h2 id="learn-step-heading" ref={headingRef} tabIndex={-1} className="learn-step__title">
            {step.kind === 'quiz' ? <span>{t('courses.outline.quizPrefix')} </span> : null}
            <span lang={lang} dir="auto">
              {step.title}
            </span>
          </h2>
          {step.kind === 'lesson' ? (
            <>
              <div
                className="post-markdown learn-step__body"
                lang={lang}
                dir="auto"
                // bodyHtml is rendered from Markdown and sanitised by the server, as posts are
                dangerouslySetInnerHTML={{ __html: step.lesson.bodyHtml }}
              />
              <FormError error={progress.error} />
              {stepDone ? (
                <p className="status--success learn-step__done">{t('courses.player.done')}</p>
              ) : (
                <p>
                  <button type="button" className="button" disabled={progress.isPending} onClick={markDone}>
                    {t('courses.player.markDone')}
                  </button>
                </p>
              )}
            </>
          ) : (
            <LearnQuiz
              key={step.id}
              courseId={courseId}
              quiz={step.quiz}
              status={enrolment.quizzes.find((q) => q.quizId === step.id)}
              lang={lang}
            />
          )}
        </article>
        <nav className="learn-pager" aria-label={t('courses.player.pager')}>
          {previous ? (
            <Link to={learnPath(courseId, previous.id)} className="learn-pager__previous" rel="prev">
              <span className="learn-pager__label">{t('courses.player.previous')}</span>{' '}
              <span dir="auto" lang={lang}>
                {previous.title}
              </span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link to={learnPath(courseId, next.id)} className="learn-pager__next" rel="next">
              <span className="learn-pager__label">{t('courses.player.next')}</span>{' '}
              <span dir="auto" lang={lang}>
                {next.title}
              </span>
            </Link>
          ) : (
            <Link to={`/courses/${encodeURIComponent(courseId)}`} className="learn-pager__next">
              {t('courses.player.backToCourse', { title: courseTitle })}
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}
