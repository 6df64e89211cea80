import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import { forumKeys } from '../../features/forums';
import { canReadAuditLog, FlagQueue } from '../../features/moderation';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';
import { isFlagStatus } from './forum-route-params';

export function ModerationPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = isFlagStatus(statusParam) ? statusParam : 'open';

  return (
    <Page title={t('modQueue.title')} lead={t('modQueue.lead')}>
      {canReadAuditLog(user) ? (
        <p>
          <Link to="/moderation/audit">{t('modAudit.title')}</Link>
        </p>
      ) : null}
      <FlagQueue
        status={status}
        // An upheld flag hid a post: forum pages shown later must not use what they cached before.
        onResolved={() => queryClient.invalidateQueries({ queryKey: forumKeys.all })}
      />
    </Page>
  );
}
