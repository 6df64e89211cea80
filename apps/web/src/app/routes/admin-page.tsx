import { useSearchParams } from 'react-router';
import { UserRoleManager } from '../../features/admin-users';
import { CreateCityForm } from '../../features/cities';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function AdminPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <Page title={t('admin.title')}>
      <section className="section" aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.usersHeading')}</h2>
        <p>{t('admin.usersLead')}</p>
        <UserRoleManager
          query={searchParams.get('q') ?? ''}
          onQueryChange={(q) => setSearchParams(q ? { q } : {}, { replace: true })}
        />
      </section>
      <section className="section" aria-labelledby="admin-create-city">
        <h2 id="admin-create-city">{t('admin.createCityHeading')}</h2>
        <CreateCityForm />
      </section>
    </Page>
  );
}
