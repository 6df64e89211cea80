import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuditLog, type AuditFilters } from '../../features/moderation';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';
import { isAuditAction } from './forum-route-params';

export function ModerationAuditPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo<AuditFilters>(() => {
    const params = new URLSearchParams(search);
    const action = params.get('action');
    return { action: isAuditAction(action) ? action : undefined, actorId: params.get('actorId') || undefined };
  }, [search]);

  return (
    <Page title={t('modAudit.title')} lead={t('modAudit.lead')}>
      <p>
        <Link to="/moderation">{t('modAudit.backToQueue')}</Link>
      </p>
      <AuditLog
        key={search}
        filters={filters}
        onFiltersChange={(next) => {
          const params = new URLSearchParams();
          if (next.action) params.set('action', next.action);
          if (next.actorId) params.set('actorId', next.actorId);
          setSearchParams(params);
        }}
      />
    </Page>
  );
}
