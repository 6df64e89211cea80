import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import { MyPartnerships, parsePartnershipFilter, usePartnershipsLive } from '../../features/partnerships';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** The viewer's partnerships, filterable by status in the address (`?status=active`). */
export function PartnershipsPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filter = useMemo(() => parsePartnershipFilter(new URLSearchParams(search)), [search]);
  const hasCity = (user?.cities.length ?? 0) > 0;
  usePartnershipsLive();

  return (
    <Page title={t('partnerships.title')} lead={t('partnerships.lead')}>
      {hasCity ? (
        <p className="button-row">
          <Link to="/partnerships/new" className="button button--link">
            {t('partnerships.propose')}
          </Link>
          <Link to="/partnerships/suggestions" className="button button--link button--secondary">
            {t('partnerships.findPartners')}
          </Link>
        </p>
      ) : null}
      <MyPartnerships
        filter={filter}
        hasCity={hasCity}
        onFilterChange={(next) => setSearchParams(next.status ? { status: next.status } : {})}
      />
    </Page>
  );
}
