import { useSearchParams } from 'react-router';
import { NotificationsList } from '../../features/notifications';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** All of the viewer's notifications; the "unread only" filter lives in the address (`?unread=1`). */
export function NotificationsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('unread') === '1';
  return (
    <Page title={t('notifications.title')} lead={t('notifications.lead')}>
      <NotificationsList
        unreadOnly={unreadOnly}
        onUnreadOnlyChange={(value) => setSearchParams(value ? { unread: '1' } : {}, { replace: true })}
      />
    </Page>
  );
}
