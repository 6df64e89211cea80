import { Link } from 'react-router';
import { useSession } from '../../features/account';
import { HomeDashboard } from '../../features/home';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function HomePage() {
  const t = useT();
  const { user, status } = useSession();

  // Signed in: the personal home (what needs them). Anonymous visitors keep the introduction.
  if (user) {
    return (
      <Page title={t('homeDash.title')} heading={t('homeDash.heading', { name: user.displayName })} className="home">
        <HomeDashboard hasCity={user.cities.length > 0} />
      </Page>
    );
  }

  return (
    <Page title="Twinning" heading={t('home.heading')} className="home">
      <div className="home__intro">
        <p>{t('home.intro1')}</p>
        <p>{t('home.intro2')}</p>
      </div>
      <p className="cta">
        <Link to="/cities" className="button button--link">
          {t('home.browseCities')}
        </Link>
        {status === 'anonymous' ? (
          <Link to="/register" className="button button--link button--secondary">
            {t('home.register')}
          </Link>
        ) : null}
        {user ? (
          <Link to="/profile" className="button button--link button--secondary">
            {t('home.yourProfile')}
          </Link>
        ) : null}
      </p>
      <section className="section" aria-labelledby="how-it-works">
        <h2 id="how-it-works">{t('home.howHeading')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>
    </Page>
  );
}
