import { Link, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../../features/account';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** Where a reset link lands: `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <Page title={t('account.reset.title')} className="page--narrow">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div role="alert" className="alert alert--error">
          <p className="alert__text">{t('account.verify.missing')}</p>
          <p className="alert__text">
            <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}
