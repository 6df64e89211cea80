import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** Shown inside the layout when rendering a page throws. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Page title={t('routeError.title')}>
      <p>{t('routeError.body')}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
