import { useSearchParams } from 'react-router';
import { UnsubscribePanel } from '../../features/notifications';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/unsubscribe?token=…`: the link of a notification mail, open without signing in. */
export function UnsubscribePage() {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <Page title={t('unsubscribe.title')}>
      <UnsubscribePanel token={params.get('token') ?? ''} />
    </Page>
  );
}
