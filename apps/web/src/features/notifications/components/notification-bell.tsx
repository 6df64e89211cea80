import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { notificationContent } from '../notification-text';
import { useNotificationsLive } from '../realtime/use-notifications-live';
import { NotificationItem } from './notification-item';
import '../notifications.css';

/** How many notifications the bell's panel lists; the full page has the rest. */
const LATEST_COUNT = 6;

/**
 * The header's bell: the unread count, a panel with the latest notifications, and a polite announcement
 * when one arrives. It also keeps the notification caches live for the whole app (mount it once).
 */
export function NotificationBell() {
  const { t, format, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const panelId = useId();
  const titleId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = useUnreadCount();
  const latest = useNotifications({ unread: false }, { enabled: open });
  const markAll = useMarkAllNotificationsRead();
  const count = unread.data?.count ?? 0;

  useNotificationsLive((notification) =>
    setAnnouncement(t('notifications.arrived', { text: notificationContent(language, notification).text })),
  );

  // While open: Escape closes it (focus back on the bell), and so do a click or focus outside it.
  useEffect(() => {
    if (!open) return undefined;
    const isOutside = (target: EventTarget | null) => target instanceof Node && !wrapperRef.current?.contains(target);
    const onPointerDown = (event: PointerEvent) => {
      if (isOutside(event.target)) setOpen(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (isOutside(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const items = latest.data?.pages.flatMap((page) => page.items).slice(0, LATEST_COUNT) ?? [];
  const label = count > 0 ? t('notifications.bellLabelUnread', { count }) : t('notifications.bellLabel');

  return (
    <div ref={wrapperRef} className="notification-bell">
      <button
        ref={buttonRef}
        type="button"
        className="header-button notification-bell__button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="notification-bell__badge" aria-hidden="true">
            {count > 99 ? `${format.number(99)}+` : format.number(count)}
          </span>
        ) : null}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div id={panelId} className="header-panel notification-panel" hidden={!open}>
        <p id={titleId} className="notification-panel__title">
          {t('notifications.latest')}
        </p>
        {!open ? null : latest.isPending ? (
          <Loading label={t('notifications.loading')} />
        ) : latest.isError ? (
          <FormError error={latest.error} />
        ) : items.length === 0 ? (
          <p className="muted">{t('notifications.empty')}</p>
        ) : (
          <ul className="notification-list notification-list--compact" aria-labelledby={titleId}>
            {items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={() => setOpen(false)} />
            ))}
          </ul>
        )}
        {markAll.isError ? <FormError error={markAll.error} /> : null}
        <div className="notification-panel__actions">
          {count > 0 ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={markAll.isPending}
              onClick={() =>
                markAll.mutate(undefined, {
                  onSuccess: () => {
                    setAnnouncement(t('notifications.allMarkedRead'));
                    buttonRef.current?.focus();
                  },
                })
              }
            >
              {t('notifications.markAllRead')}
            </button>
          ) : null}
          <Link to="/notifications" onClick={() => setOpen(false)}>
            {t('notifications.seeAll')}
          </Link>
        </div>
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      className="notification-bell__icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
