import type { ForumSummaryDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useForums } from '../api/get-forums';
import { forumName, labelSourceOf } from '../../../lib/forum-label';
import '../forums.css';

function ForumCard({ forum }: { forum: ForumSummaryDto }) {
  const { t, format } = useI18n();
  const name = forumName(t, labelSourceOf(forum));
  return (
    <li className="forum-card">
      <h3 className="forum-card__name">
        <Link to={`/forums/${encodeURIComponent(forum.id)}`} dir="auto">
          {name}
        </Link>
      </h3>
      <p className="forum-card__meta">
        <span>{t('forums.threadCount', { count: forum.threadCount })}</span>
        <span aria-hidden="true"> · </span>
        {forum.lastPostedAt ? (
          <time dateTime={forum.lastPostedAt}>
            {t('forums.lastActivity', { date: format.dateTime(forum.lastPostedAt) })}
          </time>
        ) : (
          <span>{t('forums.noActivity')}</span>
        )}
      </p>
      {forum.unreadThreads > 0 ? (
        <p className="unread-badge unread-badge--static">{t('forums.unreadThreads', { count: forum.unreadThreads })}</p>
      ) : null}
    </li>
  );
}

/**
 * The theme forums, open to every member, the courses' forums (public too; listed when there are some),
 * then the private forums of the viewer's partnerships.
 */
export function ForumDirectory() {
  const { t } = useI18n();
  const themeHeadingId = useId();
  const partnershipHeadingId = useId();
  const courseHeadingId = useId();
  const forums = useForums();

  if (forums.isPending) return <Loading label={t('forums.loading')} />;
  if (forums.isError) {
    return <LoadError error={forums.error} onRetry={() => void forums.refetch()} />;
  }

  const themeForums = forums.data.filter((forum) => forum.kind === 'theme');
  const courseForums = forums.data.filter((forum) => forum.kind === 'course');
  const partnershipForums = forums.data.filter((forum) => forum.kind === 'partnership');
  return (
    <>
      <section aria-labelledby={themeHeadingId} className="section">
        <h2 id={themeHeadingId}>{t('forums.themeForums')}</h2>
        <p className="muted">{t('forums.themeForumsLead')}</p>
        {themeForums.length === 0 ? (
          <p className="empty">{t('forums.noThemeForums')}</p>
        ) : (
          <ul className="forum-grid" aria-labelledby={themeHeadingId}>
            {themeForums.map((forum) => (
              <ForumCard key={forum.id} forum={forum} />
            ))}
          </ul>
        )}
      </section>
      {courseForums.length > 0 ? (
        <section aria-labelledby={courseHeadingId} className="section">
          <h2 id={courseHeadingId}>{t('forums.courseForums')}</h2>
          <p className="muted">{t('forums.courseForumsLead')}</p>
          <ul className="forum-grid" aria-labelledby={courseHeadingId}>
            {courseForums.map((forum) => (
              <ForumCard key={forum.id} forum={forum} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby={partnershipHeadingId} className="section">
        <h2 id={partnershipHeadingId}>{t('forums.partnershipForums')}</h2>
        <p className="muted">{t('forums.partnershipForumsLead')}</p>
        {partnershipForums.length === 0 ? (
          <p className="empty">{t('forums.noPartnershipForums')}</p>
        ) : (
          <ul className="forum-grid" aria-labelledby={partnershipHeadingId}>
            {partnershipForums.map((forum) => (
              <ForumCard key={forum.id} forum={forum} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
