import { useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useT } from '../../../lib/i18n';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { NotificationItem } from './notification-item';
import '../notifications.css';

export interface NotificationsListProps {
  unreadOnly: boolean;
  onUnreadOnlyChange: (unreadOnly: boolean) => void;
}

/** The full list of the viewer's notifications, with the "unread only" filter and "mark all as read". */
export function NotificationsList({ unreadOnly, onUnreadOnlyChange }: NotificationsListProps) {
  const t = useT();
  const filterId = useId();
  const notifications = useNotifications({ unread: unreadOnly });
  const unread = useUnreadCount();
  const markAll = useMarkAllNotificationsRead();
  const [outcome, setOutcome] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** Index of the first item of the page being loaded by "Load more", to move focus to it. */
  const focusIndex = useRef<number | null>(null);

  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const count = unread.data?.count ?? 0;

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || index >= items.length) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.notification__text a')[index]?.focus();
  }, [items.length]);

  function markAllRead() {
    setOutcome('');
    markAll.mutate(undefined, {
      onSuccess: () => {
        setOutcome(t('notifications.allMarkedRead'));
        statusRef.current?.focus();
      },
    });
  }

  return (
    <div className="stack">
      <div className="notifications-toolbar">
        <div className="checkbox">
          <input
            id={filterId}
            type="checkbox"
            name="unread"
            checked={unreadOnly}
            onChange={(event) => {
              setOutcome('');
              onUnreadOnlyChange(event.target.checked);
            }}
          />
          <label htmlFor={filterId}>{t('notifications.unreadOnly')}</label>
        </div>
        {count > 0 ? (
          <button type="button" className="button button--secondary" disabled={markAll.isPending} onClick={markAllRead}>
            {markAll.isPending ? t('common.saving') : t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={outcome ? 'status--success' : undefined}>
          {outcome || (unread.isSuccess ? t('notifications.unreadCount', { count }) : null)}
        </StatusMessage>
        {markAll.isError ? <FormError error={markAll.error} /> : null}
      </div>

      {notifications.isPending ? (
        <Loading label={t('notifications.loading')} />
      ) : notifications.isLoadingError ? (
        <LoadError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.emptyAll')}</p>
      ) : (
        <ul
          ref={listRef}
          className="notification-list"
          aria-label={unreadOnly ? t('notifications.listUnreadLabel') : t('notifications.listLabel')}
        >
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} withMarkRead />
          ))}
        </ul>
      )}

      {notifications.hasNextPage ? (
        <div>
          {notifications.isFetchNextPageError ? <FormError error={notifications.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={notifications.isFetchingNextPage}
            onClick={() => {
              focusIndex.current = items.length;
              void notifications.fetchNextPage();
            }}
          >
            {notifications.isFetchingNextPage ? t('common.loadingMore') : t('notifications.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
