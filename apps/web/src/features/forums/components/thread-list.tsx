import { type Theme, type ThreadSummaryDto } from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { personMeta } from '../../../components/person/person-label';
import { useI18n } from '../../../lib/i18n';
import type { ThreadFilters } from '../api/forums.keys';
import { useThreads } from '../api/get-threads';
import { LockedIcon, PinnedIcon } from './icons';
import { ThemeList } from './theme-list';
import { ThemeSelect } from '../../../components/choice-select';
import '../forums.css';

function ThreadItem({ thread }: { thread: ThreadSummaryDto }) {
  const { t, format } = useI18n();
  const replies = Math.max(0, thread.postCount - 1);
  const authorMeta = personMeta(t, thread.author);
  return (
    <li className={['thread-item', thread.pinned ? 'thread-item--pinned' : null].filter(Boolean).join(' ')}>
      <div className="thread-item__main">
        <h3 className="thread-item__title">
          {thread.pinned ? <PinnedIcon label={t('thread.pinned')} /> : null}
          {thread.locked ? <LockedIcon label={t('thread.locked')} /> : null}
          <Link to={`/threads/${encodeURIComponent(thread.id)}`} dir="auto">
            {thread.title}
          </Link>
        </h3>
        <ThemeList themes={thread.themes} />
        <p className="thread-item__meta">
          <span>
            {t('thread.startedBy', { name: thread.author.displayName })}
            {authorMeta ? <span className="thread-item__author-meta"> ({authorMeta})</span> : null}
          </span>
          <span aria-hidden="true"> · </span>
          <span>{t('thread.replies', { count: replies })}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={thread.lastPostedAt}>
            {thread.lastPoster
              ? t('thread.lastPostBy', {
                  date: format.dateTime(thread.lastPostedAt),
                  name: thread.lastPoster.displayName,
                })
              : t('thread.lastPost', { date: format.dateTime(thread.lastPostedAt) })}
          </time>
        </p>
      </div>
      {thread.unreadCount > 0 && thread.firstUnreadSeq !== null ? (
        <Link
          to={`/threads/${encodeURIComponent(thread.id)}?post=${thread.firstUnreadSeq}`}
          className="unread-badge"
          aria-label={t('thread.unreadLink', { count: thread.unreadCount, title: thread.title })}
        >
          {t('thread.unread', { count: thread.unreadCount })}
        </Link>
      ) : null}
    </li>
  );
}

export interface ThreadListProps {
  forumId: string;
  /** The filters in force (from the URL). */
  filters: ThreadFilters;
  onFiltersChange: (filters: ThreadFilters) => void;
}

/** A forum's threads, pinned first then by latest activity, with a theme filter and "Load more". */
export function ThreadList({ forumId, filters, onFiltersChange }: ThreadListProps) {
  const { t } = useI18n();
  const headingId = useId();
  const threads = useThreads(forumId, filters);
  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];

  // The filter applies as it changes: no Apply button.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('thread.listHeading')}</h2>
      <form className="inline-form" aria-label={t('thread.filterLabel')} onSubmit={handleSubmit}>
        <ThemeSelect
          name="theme"
          label={t('thread.filterTheme')}
          anyLabel={t('forums.allThemes')}
          value={filters.theme ?? ''}
          onChange={(theme: Theme | '') => onFiltersChange({ theme: theme || undefined })}
        />
      </form>
      {threads.isPending ? (
        <Loading label={t('thread.loadingList')} />
      ) : threads.isLoadingError ? (
        <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
      ) : (
        <>
          <p role="status" className="status muted">
            {t('thread.shown', { count: items.length })}
          </p>
          {items.length === 0 ? (
            <p className="empty">{filters.theme ? t('thread.noneForTheme') : t('thread.none')}</p>
          ) : (
            <ul className="thread-list" aria-labelledby={headingId}>
              {items.map((thread) => (
                <ThreadItem key={thread.id} thread={thread} />
              ))}
            </ul>
          )}
          {threads.hasNextPage ? (
            <div className="forum-more">
              {threads.isFetchNextPageError ? <FormError error={threads.error} /> : null}
              <button
                type="button"
                className="button button--secondary"
                disabled={threads.isFetchingNextPage}
                onClick={() => void threads.fetchNextPage()}
              >
                {threads.isFetchingNextPage ? t('common.loadingMore') : t('thread.loadMore')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
