import { useParams } from 'react-router';
import { CertificateVerification } from '../../features/certificates';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/verify/:code`: the public verification of a certificate, open without signing in. */
export function VerifyCertificatePage() {
  const t = useT();
  const { code = '' } = useParams();
  return (
    <Page title={t('certificates.verify.title')}>
      <CertificateVerification code={code} />
    </Page>
  );
}
