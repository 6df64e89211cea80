import {
  COURSE_APPROVALS_REQUIRED,
  COURSE_COMMENT_MAX_LENGTH,
  type CourseLessonDto,
  type CourseVersionDto,
  type MeDto,
} from '@twinning/contracts';
import { useId, useRef, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { hasRole } from '../../../lib/roles';
import { useApproveVersion } from '../api/review-approve';
import { useCommentLesson } from '../api/review-comment';
import { useRequestChanges } from '../api/review-request-changes';
import { AuthoringStateBadge } from './authoring-state-badge';
import '../authoring.css';

export interface ReviewVersionProps {
  version: CourseVersionDto;
  user: MeDto;
}

/**
 * A version under review, lesson by lesson, with a comment box per lesson; a reviewer who is not one of its
 * authors approves it or sends it back to draft with their comments (at least one). Authors see the page
 * without those actions, and why.
 */
export function ReviewVersion({ version, user }: ReviewVersionProps) {
  const { t, format } = useI18n();
  const isAuthor = version.authors.some((a) => a.id === user.id);
  const reviewer = hasRole(user, 'reviewer');
  const approved = version.approvals.some((a) => a.id === user.id);
  const canAct = reviewer && !isAuthor && version.state === 'in_review';
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [needComment, setNeedComment] = useState(false);
  const actionsRef = useRef<HTMLDivElement>(null);
  const approve = useApproveVersion(version.id);
  const requestChanges = useRequestChanges(version.id);
  const actionsHeading = useId();

  const written = Object.entries(drafts).filter(([, body]) => body.trim() !== '');

  function handleRequestChanges() {
    if (written.length === 0) {
      setNeedComment(true);
      actionsRef.current?.focus();
      return;
    }
    setNeedComment(false);
    requestChanges.mutate(
      { comments: written.map(([lessonKey, body]) => ({ lessonKey, body })) },
      {
        onSuccess: () => {
          setDrafts({});
          setStatus(t('courseReview.changesRequested'));
        },
      },
    );
  }

  return (
    <div className="stack review-version">
      <p className="authoring-courses__meta">
        <span>{t('courseAuthoring.versionNumber', { n: version.number })}</span>{' '}
        <AuthoringStateBadge state={version.state} /> <span>{format.languageName(version.language)}</span>{' '}
        <span>{t('courseAuthoring.hours', { count: version.estimatedHours })}</span>
      </p>
      <p className="muted">{t('courseReview.by', { names: format.list(version.authors.map((a) => a.displayName)) })}</p>
      <p>
        {t('courseAuthoring.approvals', { count: version.approvals.length, required: COURSE_APPROVALS_REQUIRED })}
        {version.approvals.length > 0 ? ` (${format.list(version.approvals.map((a) => a.displayName))})` : ''}
      </p>
      {!canAct ? (
        <p className="notice">
          {isAuthor
            ? t('courseReview.ownCourse')
            : !reviewer
              ? t('courseReview.notReviewer')
              : t('courseReview.notInReview', { state: t(`courseAuthoring.state.${version.state}`) })}
        </p>
      ) : null}
      <section className="section" aria-labelledby="review-description">
        <h2 id="review-description">{t('courseAuthoring.description')}</h2>
        <p dir="auto" className="review-description">
          {version.description}
        </p>
      </section>
      {version.modules.map((module, mi) => (
        <section key={mi} className="section review-module" aria-labelledby={`review-module-${mi}`}>
          <h2 id={`review-module-${mi}`} dir="auto">
            {t('courseAuthoring.moduleName', { n: mi + 1 })}: {module.title}
          </h2>
          {module.lessons.map((lesson) => (
            <ReviewLesson
              key={lesson.key}
              lesson={lesson}
              version={version}
              canComment={canAct}
              draft={drafts[lesson.key] ?? ''}
              onDraftChange={(body) => setDrafts((current) => ({ ...current, [lesson.key]: body }))}
              onCommented={(title) => setStatus(t('courseReview.commented', { title }))}
            />
          ))}
          {module.quizzes.map((quiz) => (
            <article key={quiz.id} className="review-quiz" aria-labelledby={`quiz-${quiz.id}`}>
              <h3 id={`quiz-${quiz.id}`} dir="auto">
                {t('courseReview.quiz', { title: quiz.title })}
              </h3>
              <p className="muted">
                {t('courseReview.quizRules', {
                  passMark: quiz.passMark,
                  attempts:
                    quiz.maxAttempts === null
                      ? t('courseAuthoring.attemptsUnlimited')
                      : t('courseReview.attemptsCount', { count: quiz.maxAttempts }),
                })}
              </p>
              <ol>
                {quiz.questions.map((question, qi) => (
                  <li key={qi}>
                    <p dir="auto">
                      {question.prompt} <span className="muted">({t(`courseAuthoring.kind.${question.kind}`)})</span>
                    </p>
                    <ul className="review-options">
                      {question.options.map((option, oi) => (
                        <li key={oi} className={option.correct ? 'review-option--correct' : undefined}>
                          {/* isolated, so a left-to-right option keeps its list marker on the page's side */}
                          <bdi>{option.text}</bdi>
                          {option.correct ? <strong> — {t('courseReview.correct')}</strong> : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </section>
      ))}
      {canAct ? (
        <section className="section" aria-labelledby={actionsHeading}>
          <h2 id={actionsHeading}>{t('courseReview.decision')}</h2>
          <div ref={actionsRef} tabIndex={-1} className="focus-target stack">
            {needComment ? (
              <p role="alert" className="field__error">
                {t('courseReview.commentRequired')}
              </p>
            ) : null}
            {approve.error ? <FormError error={approve.error} /> : null}
            {requestChanges.error ? <FormError error={requestChanges.error} /> : null}
            <p className="muted">{t('courseReview.decisionHint', { count: written.length })}</p>
            <div className="button-row">
              {approved ? (
                <p>{t('courseReview.youApproved')}</p>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={approve.isPending}
                  onClick={() =>
                    approve.mutate(undefined, {
                      onSuccess: (next) =>
                        setStatus(
                          next.state === 'published' ? t('courseReview.published') : t('courseReview.approved'),
                        ),
                    })
                  }
                >
                  {t('courseReview.approve')}
                </button>
              )}
              <button
                type="button"
                className="button button--secondary"
                disabled={requestChanges.isPending}
                onClick={handleRequestChanges}
              >
                {t('courseReview.requestChanges')}
              </button>
            </div>
          </div>
        </section>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}

interface ReviewLessonProps {
  lesson: CourseLessonDto;
  version: CourseVersionDto;
  canComment: boolean;
  draft: string;
  onDraftChange: (body: string) => void;
  onCommented: (title: string) => void;
}

/** One lesson as learners will see it, the comments made on it, and a box for the reviewer's own. */
function ReviewLesson({ lesson, version, canComment, draft, onDraftChange, onCommented }: ReviewLessonProps) {
  const { t, format } = useI18n();
  const id = useId();
  const comment = useCommentLesson(version.id);
  const comments = version.comments.filter((c) => c.lessonKey === lesson.key);

  return (
    <article className="review-lesson" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} dir="auto">
        {lesson.title}
      </h3>
      <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
      {comments.length > 0 ? (
        <div className="authoring-comments">
          <h4 className="authoring-comments__heading">{t('courseAuthoring.reviewerComments')}</h4>
          <ul className="plain-list">
            {comments.map((c) => (
              <li key={c.id} className="plain-list__item plain-list__item--stacked">
                <p className="muted">
                  {t('courseAuthoring.commentBy', {
                    name: c.reviewer.displayName,
                    round: c.round,
                    date: format.date(c.createdAt),
                  })}
                </p>
                <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canComment ? (
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('courseReview.commentOn', { title: lesson.title })}</label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            dir="auto"
            maxLength={COURSE_COMMENT_MAX_LENGTH}
            value={draft}
            aria-describedby={`${id}-hint`}
            onChange={(event) => onDraftChange(event.target.value)}
          />
          <p id={`${id}-hint`} className="field__hint">
            {t('courseReview.commentHint')}
          </p>
          {comment.error ? <FormError error={comment.error} /> : null}
          <p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={comment.isPending || draft.trim() === ''}
              onClick={() =>
                comment.mutate(
                  { lessonKey: lesson.key, body: draft },
                  {
                    onSuccess: () => {
                      onDraftChange('');
                      onCommented(lesson.title);
                    },
                  },
                )
              }
            >
              {t('courseReview.addComment')}
            </button>
          </p>
        </div>
      ) : null}
    </article>
  );
}
