import type { PartnershipActivityDto } from '@twinning/contracts';
import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { usePartnershipActivity } from '../api/get-partnership-activity';
import { eventSentence } from '../partnership-text';

/** The members' activity feed, newest first, page by page. */
export function PartnershipActivity({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const activity = usePartnershipActivity(partnershipId);
  const listRef = useRef<HTMLOListElement>(null);
  /** Index of the first item of the page being loaded by "Load more", to move focus to it. */
  const focusIndex = useRef<number | null>(null);
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || index >= items.length) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li')[index]?.focus();
  }, [items.length]);

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.activityHeading')}</h2>
      {activity.isPending ? (
        <Loading label={t('partnership.activityLoading')} />
      ) : activity.isLoadingError ? (
        <LoadError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('partnership.noActivity')}</p>
      ) : (
        <ol ref={listRef} className="timeline" aria-labelledby={headingId}>
          {items.map((item) => (
            <ActivityItem key={activityKey(item)} item={item} />
          ))}
        </ol>
      )}
      {activity.hasNextPage ? (
        <div className="section">
          {activity.isFetchNextPageError ? <FormError error={activity.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={activity.isFetchingNextPage}
            onClick={() => {
              focusIndex.current = items.length;
              void activity.fetchNextPage();
            }}
          >
            {activity.isFetchingNextPage ? t('common.loadingMore') : t('partnership.activityMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function activityKey(item: PartnershipActivityDto): string {
  switch (item.kind) {
    case 'event':
      return `event-${item.event.id}`;
    case 'thread':
      return `thread-${item.thread.id}-${item.at}`;
    case 'milestone':
      return `milestone-${item.milestone.id}-${item.at}`;
  }
}

function ActivityItem({ item }: { item: PartnershipActivityDto }) {
  const { t, format } = useI18n();
  let content;
  switch (item.kind) {
    case 'event':
      content = <p className="timeline__text">{eventSentence(t, item.event)}</p>;
      break;
    case 'thread':
      content = (
        <p className="timeline__text">
          <Link to={`/threads/${item.thread.id}`}>
            {t('partnership.activityThread', { title: item.thread.title, author: item.thread.author.displayName })}
          </Link>{' '}
          <span className="muted">{t('partnership.activityPosts', { count: item.thread.postCount })}</span>
        </p>
      );
      break;
    case 'milestone':
      content = (
        <p className="timeline__text">
          {t('partnership.activityMilestone', {
            title: item.milestone.title,
            status: t(`milestones.status.${item.milestone.status}`),
          })}
        </p>
      );
      break;
  }
  return (
    <li className="timeline__item" tabIndex={-1}>
      {content}
      <p className="timeline__time muted">
        <time dateTime={item.at}>{format.dateTime(item.at)}</time>
      </p>
    </li>
  );
}
