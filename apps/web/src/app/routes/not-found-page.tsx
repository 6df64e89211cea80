import { Link } from 'react-router';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/cities">{t('common.backToCities')}</Link>
        </li>
      </ul>
    </Page>
  );
}
