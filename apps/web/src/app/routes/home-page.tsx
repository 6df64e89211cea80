import { useSession } from '../../features/account';
import { HomeDashboard, PublicLanding } from '../../features/home';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function HomePage() {
  const t = useT();
  const { user, status } = useSession();

  // Signed in: the personal home (what needs them). Anonymous visitors get the public landing page.
  if (user) {
    return (
      <Page title={t('homeDash.title')} heading={t('homeDash.heading', { name: user.displayName })} className="home">
        <HomeDashboard hasCity={user.cities.length > 0} />
      </Page>
    );
  }

  return (
    <Page title="Twinning" heading={t('home.heading')} className="home">
      {status === 'loading' ? <p role="status">{t('common.loading')}</p> : <PublicLanding />}
    </Page>
  );
}
