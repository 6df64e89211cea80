import { COURSE_APPROVALS_REQUIRED } from '@twinning/contracts';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useReviewQueue } from '../api/review-get-queue';
import '../authoring.css';

/** The advisory board's queue: versions in review (none of the viewer's own), oldest submission first. */
export function ReviewQueue() {
  const { t, format } = useI18n();
  const queue = useReviewQueue();

  if (queue.isPending) return <Loading label={t('courseReview.loadingQueue')} />;
  if (queue.isError) return <FormError error={queue.error} />;
  if (queue.data.length === 0) {
    return (
      <div className="empty">
        <p>{t('courseReview.emptyQueue')}</p>
      </div>
    );
  }
  return (
    <ul className="plain-list authoring-courses" aria-label={t('courseReview.queueLabel')}>
      {queue.data.map((v) => (
        <li key={v.id} className="plain-list__item plain-list__item--stacked">
          <h2 className="authoring-courses__title">
            <Link to={`/courses/reviews/${encodeURIComponent(v.id)}`} dir="auto">
              {v.title}
            </Link>
          </h2>
          <p className="authoring-courses__meta">
            <span>{t('courseAuthoring.versionNumber', { n: v.number })}</span>{' '}
            <span>{format.languageName(v.language)}</span>{' '}
            <span>
              {t('courseAuthoring.approvals', { count: v.approvalCount, required: COURSE_APPROVALS_REQUIRED })}
            </span>
            {v.submittedAt ? (
              <span className="muted"> {t('courseAuthoring.submittedOn', { date: format.date(v.submittedAt) })}</span>
            ) : null}
          </p>
          <p className="muted">{t('courseReview.by', { names: format.list(v.authors.map((a) => a.displayName)) })}</p>
        </li>
      ))}
    </ul>
  );
}
