import { useQueryClient } from '@tanstack/react-query';
import { cityKeys } from '../../features/cities';
import { PendingJoinRequests } from '../../features/join-requests';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function JoinRequestsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <Page title={t('review.title')} lead={t('review.lead')}>
      <PendingJoinRequests onDecided={() => queryClient.invalidateQueries({ queryKey: cityKeys.all })} />
    </Page>
  );
}
