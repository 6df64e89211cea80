import type { MeDto } from '@twinning/contracts';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { useT } from '../../lib/i18n';
import { Page } from './page';

export interface RequireAuthProps {
  children: ReactNode;
  /** Extra condition on the user (a role); when it fails the page says so instead of rendering. */
  allow?: (user: MeDto) => boolean;
}

/** Protected routes: visitors are sent to log in and brought back; users without the role are told. */
export function RequireAuth({ children, allow }: RequireAuthProps) {
  const t = useT();
  const { user, status } = useSession();
  const location = useLocation();

  if (status === 'loading') {
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  }
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (allow && !allow(user)) {
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('forbidden.body')}</p>
        <p>
          <Link to="/cities">{t('common.backToCities')}</Link>
        </p>
      </Page>
    );
  }
  return children;
}
