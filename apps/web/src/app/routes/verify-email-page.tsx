import { useSearchParams } from 'react-router';
import { VerifyEmailView } from '../../features/account';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** Where a verification link lands: `/verify-email?token=…`. */
export function VerifyEmailPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  return (
    <Page title={t('account.verify.title')} className="page--narrow">
      <VerifyEmailView token={searchParams.get('token')} />
    </Page>
  );
}
