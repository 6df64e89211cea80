import { Link, Navigate, useSearchParams } from 'react-router';
import { RegisterForm, useSession } from '../../features/account';
import { useT } from '../../lib/i18n';
import { safeNextPath } from '../../lib/safe-redirect';
import { Page } from '../layout/page';

export function RegisterPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const rawNext = searchParams.get('next');
  const next = safeNextPath(rawNext);

  if (user) return <Navigate to={next} replace />;

  const loginHref = rawNext ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return (
    <Page title={t('auth.registerTitle')} lead={t('auth.registerLead')} className="page--narrow">
      <RegisterForm />
      <p>
        {t('auth.haveAccount')} <Link to={loginHref}>{t('auth.logInLink')}</Link>
      </p>
    </Page>
  );
}
