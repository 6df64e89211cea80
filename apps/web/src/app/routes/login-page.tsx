import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginForm, useSession } from '../../features/account';
import { useT } from '../../lib/i18n';
import { safeNextPath } from '../../lib/safe-redirect';
import { Page } from '../layout/page';

export function LoginPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const rawNext = searchParams.get('next');
  const next = safeNextPath(rawNext);

  // Also the way out after a successful login: the session then holds the user.
  if (user) return <Navigate to={next} replace />;

  const registerHref = rawNext ? `/register?next=${encodeURIComponent(next)}` : '/register';
  return (
    <Page title={t('auth.logInTitle')} className="page--narrow">
      {rawNext ? <p className="notice">{t('auth.pleaseLogIn')}</p> : null}
      <LoginForm />
      <p>
        <Link to="/forgot-password">{t('account.forgot.link')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to={registerHref}>{t('auth.registerLink')}</Link>
      </p>
    </Page>
  );
}
