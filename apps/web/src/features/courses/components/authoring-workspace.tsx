import { COURSE_APPROVALS_REQUIRED, type CourseVersionDto, type CourseVersionSummaryDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useNewVersion } from '../api/authoring-new-version';
import { useCourseVersion } from '../api/authoring-get-version';
import { AuthoringEditor } from './authoring-editor';
import { AuthoringStateBadge } from './authoring-state-badge';
import '../authoring.css';

export interface AuthoringWorkspaceProps {
  courseId: string;
  /** Every version of the course, newest first. */
  history: CourseVersionSummaryDto[];
  viewerId: string;
}

/**
 * A course as its authors work on it: the state of each version, then the newest one — a draft to edit
 * and submit, a version in review (read only, with its approvals), or a published version from which a new
 * draft can start.
 */
export function AuthoringWorkspace({ courseId, history, viewerId }: AuthoringWorkspaceProps) {
  const { t } = useI18n();
  const newest = history[0];
  const version = useCourseVersion(newest?.id);
  const newVersion = useNewVersion(courseId);
  const [status, setStatus] = useState('');

  return (
    <div className="stack">
      <AuthoringVersions history={history} />
      <StatusMessage>{status}</StatusMessage>
      {!newest ? null : version.isPending ? (
        <Loading label={t('courseAuthoring.loadingVersion')} />
      ) : version.isError ? (
        <FormError error={version.error} />
      ) : version.data.state === 'draft' ? (
        <>
          <p className="notice">{t('courseAuthoring.draftNotice', { n: version.data.number })}</p>
          <AuthoringEditor
            key={version.data.id}
            version={version.data}
            viewerId={viewerId}
            onSubmitted={() => setStatus(t('courseAuthoring.submitted'))}
          />
        </>
      ) : version.data.state === 'in_review' ? (
        <div className="stack">
          <p className="notice">
            {t('courseAuthoring.inReviewNotice', {
              n: version.data.number,
              count: version.data.approvals.length,
              required: COURSE_APPROVALS_REQUIRED,
            })}
          </p>
          <AuthoringReadOnly version={version.data} />
        </div>
      ) : (
        <div className="stack">
          <p className="notice">
            {version.data.state === 'published'
              ? t('courseAuthoring.publishedNotice', { n: version.data.number })
              : t('courseAuthoring.archivedNotice', { n: version.data.number })}
          </p>
          {version.data.state === 'published' ? (
            <p>
              <button
                type="button"
                className="button"
                disabled={newVersion.isPending}
                onClick={() =>
                  newVersion.mutate(undefined, {
                    onSuccess: (created) => setStatus(t('courseAuthoring.newVersionStarted', { n: created.number })),
                  })
                }
              >
                {t('courseAuthoring.startNewVersion')}
              </button>
            </p>
          ) : null}
          {newVersion.error ? <FormError error={newVersion.error} /> : null}
          <AuthoringReadOnly version={version.data} />
        </div>
      )}
    </div>
  );
}

/** Each version with its state, newest first. */
function AuthoringVersions({ history }: { history: CourseVersionSummaryDto[] }) {
  const { t, format } = useI18n();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('courseAuthoring.versions')}</h2>
      {history[0] ? (
        <p className="muted">
          {t('courseReview.by', { names: format.list(history[0].authors.map((a) => a.displayName)) })}
        </p>
      ) : null}
      <ul className="plain-list authoring-versions">
        {history.map((v) => (
          <li key={v.id} className="plain-list__item">
            <span>{t('courseAuthoring.versionNumber', { n: v.number })}</span> <AuthoringStateBadge state={v.state} />{' '}
            {v.state === 'in_review' ? (
              <span>
                {t('courseAuthoring.approvals', { count: v.approvalCount, required: COURSE_APPROVALS_REQUIRED })}
              </span>
            ) : null}
            {v.publishedAt ? (
              <span className="muted"> {t('courseAuthoring.publishedOn', { date: format.date(v.publishedAt) })}</span>
            ) : v.submittedAt ? (
              <span className="muted"> {t('courseAuthoring.submittedOn', { date: format.date(v.submittedAt) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A version that cannot be edited: its modules, lessons and quizzes by title. */
function AuthoringReadOnly({ version }: { version: CourseVersionDto }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('courseAuthoring.contents')}</h2>
      <ol className="authoring-outline">
        {version.modules.map((m, i) => (
          <li key={i}>
            <bdi>{m.title}</bdi>
            <ul>
              {m.lessons.map((l) => (
                <li key={l.key}>
                  <bdi>{l.title}</bdi>
                </li>
              ))}
              {m.quizzes.map((z) => (
                <li key={z.id}>{t('courseAuthoring.quizOutline', { title: z.title, count: z.questions.length })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
