import { ForgotPasswordForm } from '../../features/account';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function ForgotPasswordPage() {
  const t = useT();
  return (
    <Page title={t('account.forgot.title')} lead={t('account.forgot.lead')} className="page--narrow">
      <ForgotPasswordForm />
    </Page>
  );
}
