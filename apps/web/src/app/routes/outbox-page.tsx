import { useSearchParams } from 'react-router';
import { OutboxList } from '../../features/outbox';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/dev/outbox?to=`: the development Outbox, open without signing in (the server answers 404 in production). */
export function OutboxPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  return (
    <Page title={t('outbox.title')} lead={t('outbox.lead')}>
      <OutboxList key={to} to={to} onFilter={(next) => setParams(next ? { to: next } : {})} />
    </Page>
  );
}
