import type { NotificationDto } from '@twinning/contracts';
import { useRef } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { VisuallyHidden } from '../../../components/visually-hidden';
import { useI18n } from '../../../lib/i18n';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { notificationContent } from '../notification-text';

export interface NotificationItemProps {
  notification: NotificationDto;
  /** Show a "Mark as read" button on unread notifications (the full page does; the bell's list does not). */
  withMarkRead?: boolean;
  /** Called when the reader follows the notification's link. */
  onOpen?: () => void;
}

/** One notification: its sentence linking to what it is about, when it happened, and whether it was read. */
export function NotificationItem({ notification, withMarkRead = false, onOpen }: NotificationItemProps) {
  const { t, format, language } = useI18n();
  const markRead = useMarkNotificationRead();
  const linkRef = useRef<HTMLAnchorElement>(null);
  const { text, href, excerpt } = notificationContent(language, notification);
  const unread = notification.readAt === null;

  return (
    <li className={['notification', unread ? 'notification--unread' : ''].filter(Boolean).join(' ')}>
      <p className="notification__text">
        {unread ? (
          <>
            <span className="notification__dot" aria-hidden="true" />
            <VisuallyHidden>{t('notifications.unreadPrefix')} </VisuallyHidden>
          </>
        ) : null}
        <Link
          ref={linkRef}
          to={href}
          onClick={() => {
            if (unread) markRead.mutate(notification);
            onOpen?.();
          }}
        >
          {text}
        </Link>
      </p>
      {excerpt ? (
        <blockquote className="quote notification__excerpt" dir="auto">
          {excerpt}
        </blockquote>
      ) : null}
      <p className="notification__meta">
        <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
      </p>
      {withMarkRead && unread ? (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t('notifications.markReadOf', { text })}
          disabled={markRead.isPending}
          onClick={() => {
            markRead.mutate(notification);
            // The button goes away with the unread state: keep the reader's place on the notification.
            linkRef.current?.focus();
          }}
        >
          {t('notifications.markRead')}
        </button>
      ) : null}
      {markRead.isError ? <FormError error={markRead.error} /> : null}
    </li>
  );
}
